using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DeinstGateway.Server.Health;

/// <summary>
/// NOT_SERVING from the moment the process begins to stop, so that a balancer asking Check sends
/// no new calls to it while its open calls finish. (Watch calls are ended with NOT_SERVING by the
/// health service itself.)
/// </summary>
public sealed class StoppingHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("The gateway process is stopping.")
            : HealthCheckResult.Healthy());
}
