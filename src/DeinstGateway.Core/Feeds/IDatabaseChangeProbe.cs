namespace DeinstGateway.Core.Feeds;

/// <summary>
/// A cheap test of whether anyone may have committed to the database since the last test, so that
/// the feed watcher can look often for other processes' changes without reading the feeds' tables
/// each time. Implemented by the persistence layer; a provider without such a signal always says yes.
/// </summary>
public interface IDatabaseChangeProbe
{
    ValueTask<bool> MayHaveChangedAsync(CancellationToken cancellationToken);
}
