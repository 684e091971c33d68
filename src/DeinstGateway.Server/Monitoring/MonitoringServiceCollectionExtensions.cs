using DeinstGateway.Core.Monitoring;

namespace DeinstGateway.Server.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    public static IServiceCollection AddMonitoring(this IServiceCollection services) => services.AddScoped<MonitoringQueries>();
}
