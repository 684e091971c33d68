using DeinstGateway.Server.Tests.Hostile;
using DeinstGateway.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DeinstGateway.Server.Tests.Limits;

/// <summary>
/// Streams that claim a large message and never send it must not make the gateway reserve the
/// claimed memory: measured on the resident memory of a gateway in a process of its own.
/// </summary>
public sealed class HeldStreamMemoryTests(ITestOutputHelper output)
{
    private const long MiB = 1024 * 1024;
    private const int Connections = 10;
    private const int StreamsPerConnection = 100;
    private const string Health = "/grpc.health.v1.Health/Check";

    // A length prefix claiming 4 MiB (the largest message allowed), and no byte of the message.
    private static readonly byte[] FourMebibytesClaimed = [0x00, 0x00, 0x40, 0x00, 0x00];

    // An empty HealthCheckRequest, framed.
    private static readonly byte[] HealthCheck = [0x00, 0x00, 0x00, 0x00, 0x00];

    [Fact]
    public async Task ThousandStreams_EachClaimingFourMebibytes_TakeAndKeepUnder64Mebibytes()
    {
        // One stream per connection more than the held ones: the call that shows the connection's
        // held streams have all been received.
        await using var gateway = await GatewayChildProcess.StartAsync(
            Path.GetTempPath(), $"Gateway:MaxConcurrentStreamsPerConnection={StreamsPerConnection + 1}");
        var connections = Enumerable.Range(0, Connections).Select(_ => new HeldStreams(gateway.Address, "mun-madona")).ToList();
        try
        {
            // One round without measuring, so that what the calls compile and pool is in the
            // baseline, and so that a gateway that allocates what the prefixes claim must clear
            // (and so touch) memory it already had, instead of fresh pages it never touches.
            await HoldAllAsync(connections);
            await ReleaseAllAsync(connections);
            var baseline = gateway.ResidentBytes;

            await HoldAllAsync(connections);
            var held = await PeakAsync(gateway);
            await ReleaseAllAsync(connections);
            var after = await PeakAsync(gateway);

            output.WriteLine($"Resident: baseline {baseline / MiB} MiB, {Connections * StreamsPerConnection} streams held {held / MiB} MiB, released {after / MiB} MiB");
            Assert.True(held - baseline <= 64 * MiB, $"The held streams took {(held - baseline) / MiB} MiB");
            // The runtime keeps some of what the resets and aborts allocated until its next collection.
            Assert.True(after - baseline <= 64 * MiB, $"{(after - baseline) / MiB} MiB stayed taken after the streams closed");
        }
        finally
        {
            connections.ForEach(c => c.Dispose());
        }
    }

    private static async Task HoldAllAsync(List<HeldStreams> connections, int streams = StreamsPerConnection)
    {
        foreach (var connection in connections)
        {
            for (var i = 0; i < streams; i++)
            {
                await connection.HoldAsync("/deinst.v1.RegistryService/GetInstitution", FourMebibytesClaimed);
            }
        }

        foreach (var connection in connections)
        {
            Assert.Equal("0", await connection.CallAsync(Health, HealthCheck));
        }
    }

    private static async Task ReleaseAllAsync(List<HeldStreams> connections)
    {
        foreach (var connection in connections)
        {
            await connection.ReleaseAsync();
            Assert.Equal("0", await connection.CallAsync(Health, HealthCheck));
        }
    }

    // The gateway handles what it has received a little after answering a later call: the largest
    // of a few readings over a second catches memory taken by streams still being handled.
    private static async Task<long> PeakAsync(GatewayChildProcess gateway)
    {
        var peak = 0L;
        for (var reading = 0; reading < 10; reading++)
        {
            peak = Math.Max(peak, gateway.ResidentBytes);
            await Task.Delay(100);
        }

        return peak;
    }
}
