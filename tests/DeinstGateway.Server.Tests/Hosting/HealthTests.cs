using DeinstGateway.Server.Tests.Infrastructure;
using Grpc.Health.V1;
using Microsoft.Data.Sqlite;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace DeinstGateway.Server.Tests.Hosting;

/// <summary>Runs its own gateway: it takes the database away from under it.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Check_DatabaseFolderGoneAndBack_NotServingThenServing()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        var health = new Grpc.Health.V1.Health.HealthClient(gateway.ChannelWith(null));
        var folder = Path.GetDirectoryName(gateway.DatabasePath)!;
        var moved = folder + "-moved";

        var before = await health.CheckAsync(new HealthCheckRequest());
        Directory.Move(folder, moved);
        SqliteConnection.ClearAllPools();
        var whileGone = await health.CheckAsync(new HealthCheckRequest());
        Directory.Move(moved, folder);
        SqliteConnection.ClearAllPools();
        var afterReturn = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(ServingStatus.Serving, before.Status);
        Assert.Equal(ServingStatus.NotServing, whileGone.Status);
        Assert.Equal(ServingStatus.Serving, afterReturn.Status);
    }
}
