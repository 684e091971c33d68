using DeinstGateway.Core.Feeds;
using DeinstGateway.Core.Transfers;

namespace DeinstGateway.Server.Transfers;

public static class TransferServiceCollectionExtensions
{
    public static IServiceCollection AddTransfers(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TransferOptions.Section).Get<TransferOptions>() ?? new TransferOptions();
        services.AddSingleton(options);
        services.AddScoped<TransferSubmissions>();
        services.AddScoped<TransferQueries>();
        services.AddScoped<TransferCommands>();
        services.AddScoped<TransferFeed>();
        services.AddSingleton<SharedFeedReads<TransferScope, TransferFeedItem>>();
        services.AddScoped<SubmissionPipeline>();
        return services;
    }
}
