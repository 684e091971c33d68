using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DeinstGateway.Server.Health;

/// <summary>
/// SERVING only while the gateway can read its own schema: merely opening a connection would
/// pass even where SQLite silently created an empty file in place of a lost one. The database is
/// read every <c>Health:RefreshSeconds</c> (once before the gateway listens), not per probe, so
/// probes cost no database work; a read that has not answered within the interval counts as failed.
/// </summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes, HealthOptions options, TimeProvider time)
    : BackgroundService, IHealthCheck
{
    // The latest reading as a completed task: swapped whole, handed to every probe as it is.
    private volatile Task<HealthCheckResult> _latest = Task.FromResult(HealthCheckResult.Unhealthy("The database has not been read yet."));

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        _latest;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.RefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await ReadAsync(stoppingToken);
        }
    }

    private async Task ReadAsync(CancellationToken stoppingToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deadline.CancelAfter(options.RefreshInterval);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().Institutions.AsNoTracking().AnyAsync(deadline.Token);
            _latest = Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            _latest = Task.FromResult(HealthCheckResult.Unhealthy("The database cannot be read.", e));
        }
    }
}
