using DeinstGateway.Core.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Persistence.Registry;

/// <summary>
/// The registry snapshot, read again from the database at most every few seconds. Reference
/// data changes only when a gateway starts with a new file, so each replica catches up quickly.
/// </summary>
internal sealed class RegistrySnapshotSource(IServiceScopeFactory scopes) : IRegistrySnapshotSource
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private RegistrySnapshot? _snapshot;
    private long _loadedAt;

    public async ValueTask<RegistrySnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is { } fresh && Environment.TickCount64 - _loadedAt < MaxAge.TotalMilliseconds)
        {
            return fresh;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } loaded && Environment.TickCount64 - _loadedAt < MaxAge.TotalMilliseconds)
            {
                return loaded;
            }

            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<IRegistryStore>();
            _snapshot = new RegistrySnapshot(
                await store.AllInstitutionsAsync(cancellationToken),
                await store.ListServiceTypesAsync(cancellationToken),
                await store.ListProjectsAsync(cancellationToken));
            _loadedAt = Environment.TickCount64;
            return _snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }
}
