using DeinstGateway.Core.Capacity;

namespace DeinstGateway.Server.Capacity;

public static class CapacityServiceCollectionExtensions
{
    public static IServiceCollection AddCapacity(this IServiceCollection services) => services
        .AddScoped<CapacityCommands>()
        .AddScoped<CapacityQueries>()
        .AddScoped<CapacityFeed>();
}
