using DeinstGateway.Core.Registry;

namespace DeinstGateway.Server.Registry;

public static class RegistryServiceCollectionExtensions
{
    public static IServiceCollection AddRegistry(this IServiceCollection services) =>
        services.AddScoped<RegistryQueries>();
}
