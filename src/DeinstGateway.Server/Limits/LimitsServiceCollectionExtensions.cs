namespace DeinstGateway.Server.Limits;

public static class LimitsServiceCollectionExtensions
{
    /// <summary>The <c>Limits</c> section: per-institution call rate and open feeds, stream message cap and idle time, past deadlines.</summary>
    public static IServiceCollection AddGatewayLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = (configuration.GetSection(LimitsOptions.Section).Get<LimitsOptions>() ?? new LimitsOptions()).Validated();
        services.AddSingleton(options);
        services.AddSingleton<CallRateLimiter>();
        services.AddSingleton<OpenFeeds>();
        // A singleton: the one rate limiter is shared, and nothing is created per call. AddGatewayGrpc
        // places it in the interceptor order.
        services.AddSingleton<LimitsInterceptor>();
        return services;
    }
}
