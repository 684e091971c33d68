using DeinstGateway.Core.Feeds;

namespace DeinstGateway.Persistence.Database;

/// <summary>SQL Server: the watcher reads the feeds' latest sequences (two index seeks) every poll.</summary>
internal sealed class AlwaysChangedProbe : IDatabaseChangeProbe
{
    public ValueTask<bool> MayHaveChangedAsync(CancellationToken cancellationToken) => ValueTask.FromResult(true);
}
