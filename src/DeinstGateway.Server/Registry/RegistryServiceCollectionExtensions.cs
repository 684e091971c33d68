using DeinstGateway.Core.Registry;

namespace DeinstGateway.Server.Registry;

public static class RegistryServiceCollectionExtensions
{
    /// <summary>The registry look-ups, answered from the snapshot, and the refresh that keeps it in line with the database.</summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(RegistryOptions.From(configuration));
        services.AddSingleton<RegistryQueries>();
        services.AddHostedService<RegistryRefresh>();
        return services;
    }
}
