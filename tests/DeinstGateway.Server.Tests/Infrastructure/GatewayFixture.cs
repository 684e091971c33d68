namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>One gateway over one fresh database, shared by the read-only tests of a collection.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private GatewayProcess? _gateway;

    public GatewayProcess Gateway => _gateway ?? throw new InvalidOperationException("The gateway has not started.");

    public async Task InitializeAsync() => _gateway = await GatewayProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedGatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Shared gateway";
}
