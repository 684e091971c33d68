using DeinstGateway.Core.Capacity;
using DeinstGateway.Core.Feeds;
using DeinstGateway.Core.Transfers;

namespace DeinstGateway.Server.Feeds;

/// <summary>
/// The process's one look for new changes, shared by every open feed: it reads the latest
/// sequence of each feed at once when this process commits and, for other replicas' commits,
/// whenever the database's change probe (tested every poll interval) says it may have changed;
/// then it moves the heads on. Open feeds sleep on the heads, so their number costs nothing while
/// nothing changes, and an idle poll costs no read of a table.
/// When the process begins to stop, it stops the heads at once: every open feed ends with
/// UNAVAILABLE instead of holding the shutdown up until its timeout.
/// </summary>
public sealed class FeedWatcher(
    IServiceScopeFactory scopes,
    IFeedCommits commits,
    IDatabaseChangeProbe probe,
    FeedHead<TransferFeedItem> transfers,
    FeedHead<CapacityChange> capacity,
    FeedOptions options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<FeedWatcher> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(() =>
        {
            transfers.Stop();
            capacity.Stop();
        });
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var committedHere = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before the look, so that a commit during it is not missed until the next poll.
            var committed = commits.Next;
            try
            {
                // Not short-circuited: the probe takes in this process's own commit too, so it does not
                // report it again at the next poll.
                if (committedHere | await probe.MayHaveChangedAsync(stoppingToken))
                {
                    await using var scope = scopes.CreateAsyncScope();
                    transfers.MoveTo(await scope.ServiceProvider.GetRequiredService<ITransferStore>().LatestSequenceAsync(stoppingToken));
                    capacity.MoveTo(await scope.ServiceProvider.GetRequiredService<ICapacityStore>().LatestChangeSequenceAsync(stoppingToken));
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Open feeds keep their heartbeats meanwhile; the next look tries again.
                FeedsLog.WatchFailed(logger, e.GetType().Name, e);
            }

            await committed.WaitAsync(options.PollInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            committedHere = committed.IsCompleted;
        }
    }
}
