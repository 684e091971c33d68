using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Tests.Registry;

/// <summary>A registry snapshot source that always answers with the same institutions.</summary>
internal sealed class FixedRegistry(params Institution[] institutions) : IRegistrySnapshotSource
{
    private readonly RegistrySnapshot _snapshot = new(institutions, []);

    public ValueTask<RegistrySnapshot> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_snapshot);
}
