using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DeinstGateway.Server.Health;

/// <summary>
/// SERVING only while the gateway can read its own schema: merely opening a connection would
/// pass even where SQLite silently created an empty file in place of a lost one.
/// </summary>
public sealed class DatabaseHealthCheck(GatewayDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Institutions.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be read.", e);
        }
    }
}
