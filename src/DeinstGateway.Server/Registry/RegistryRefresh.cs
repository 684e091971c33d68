using DeinstGateway.Persistence.Registry;

namespace DeinstGateway.Server.Registry;

/// <summary>
/// Reads the registry again every <c>Registry:RefreshSeconds</c>: reference data is loaded by the
/// replica that starts with the file, and this is how the others sharing its database take it in.
/// A failed read leaves the snapshot in force.
/// </summary>
public sealed class RegistryRefresh(
    RegistrySnapshotSource snapshots, RegistryOptions options, TimeProvider time, ILogger<RegistryRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.RefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await snapshots.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                RegistryLog.RefreshFailed(logger, e.GetType().Name, e);
            }
        }
    }
}
