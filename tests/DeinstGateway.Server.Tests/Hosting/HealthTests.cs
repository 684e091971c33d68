using DeinstGateway.Server.Tests.Infrastructure;
using Grpc.Health.V1;
using Microsoft.Data.Sqlite;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace DeinstGateway.Server.Tests.Hosting;

/// <summary>
/// Runs its own gateway: it takes the database away from under it. Probes get the latest reading
/// of the database, taken every <c>Health:RefreshSeconds</c>, so each expected status is awaited
/// for a bounded while rather than expected from the very next probe.
/// </summary>
public sealed class HealthTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Check_DatabaseFolderGoneAndBack_NotServingThenServing()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Health:RefreshSeconds=1");
        var health = new Grpc.Health.V1.Health.HealthClient(gateway.ChannelWith(null));
        var folder = Path.GetDirectoryName(gateway.DatabasePath)!;
        var moved = folder + "-moved";

        var before = await health.CheckAsync(new HealthCheckRequest());
        Directory.Move(folder, moved);
        SqliteConnection.ClearAllPools();
        var whileGone = await StatusOnceItIsAsync(health, ServingStatus.NotServing);
        Directory.Move(moved, folder);
        SqliteConnection.ClearAllPools();
        var afterReturn = await StatusOnceItIsAsync(health, ServingStatus.Serving);

        Assert.Equal(ServingStatus.Serving, before.Status);
        Assert.Equal(ServingStatus.NotServing, whileGone);
        Assert.Equal(ServingStatus.Serving, afterReturn);
    }

    [Fact]
    public async Task Check_DatabaseFileOverwrittenWithGarbage_NotServing()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Health:RefreshSeconds=1");
        var health = new Grpc.Health.V1.Health.HealthClient(gateway.ChannelWith(null));

        var before = await health.CheckAsync(new HealthCheckRequest());
        SqliteConnection.ClearAllPools();
        foreach (var companion in new[] { "-wal", "-shm" })
        {
            File.Delete(gateway.DatabasePath + companion);
        }

        await File.WriteAllBytesAsync(gateway.DatabasePath, Enumerable.Repeat((byte)0x5A, 64 * 1024).ToArray());
        var corrupted = await StatusOnceItIsAsync(health, ServingStatus.NotServing);

        Assert.Equal(ServingStatus.Serving, before.Status);
        Assert.Equal(ServingStatus.NotServing, corrupted);
    }

    /// <summary>Probes until the status is the expected one or patience runs out; returns the last status seen.</summary>
    private static async Task<ServingStatus> StatusOnceItIsAsync(Grpc.Health.V1.Health.HealthClient health, ServingStatus expected)
    {
        using var patience = new CancellationTokenSource(Patience);
        var status = (await health.CheckAsync(new HealthCheckRequest())).Status;
        while (status != expected && !patience.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
            status = (await health.CheckAsync(new HealthCheckRequest())).Status;
        }

        return status;
    }
}
