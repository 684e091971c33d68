using DeinstGateway.Core.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Persistence.Registry;

/// <summary>
/// The registry snapshot in force, replaced whole by <see cref="RefreshAsync"/>: when this process
/// has loaded reference data, and periodically so that a load by another replica on the shared
/// database reaches this one. Calls read only the snapshot, never the database.
/// </summary>
public sealed class RegistrySnapshotSource(IServiceScopeFactory scopes) : IRegistrySnapshotSource
{
    // Reads run one at a time, so the last snapshot swapped in comes from the last read begun.
    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile RegistrySnapshot? _current;

    public ValueTask<RegistrySnapshot> GetAsync(CancellationToken cancellationToken) =>
        _current is { } current ? ValueTask.FromResult(current) : new ValueTask<RegistrySnapshot>(RefreshAsync(cancellationToken));

    /// <summary>Reads the registry tables and makes what they hold the snapshot in force.</summary>
    public async Task<RegistrySnapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<IRegistryStore>();
            var snapshot = new RegistrySnapshot(
                await store.AllInstitutionsAsync(cancellationToken),
                await store.ListServiceTypesAsync(cancellationToken),
                await store.ListProjectsAsync(cancellationToken));
            _current = snapshot;
            return snapshot;
        }
        finally
        {
            _reading.Release();
        }
    }
}
