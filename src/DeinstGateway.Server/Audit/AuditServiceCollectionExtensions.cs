using DeinstGateway.Core.Audit;

namespace DeinstGateway.Server.Audit;

public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScoped<AccessLogQueries>();
}
