using DeinstGateway.Server.Tests.Hostile;
using DeinstGateway.Server.Tests.Infrastructure;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Limits;

/// <summary>What callers may hold: memory per anonymous call, over all anonymous calls and per connection; connections.</summary>
public sealed class RequestMemoryTests
{
    private const string Health = "/grpc.health.v1.Health/Check";
    private const string GetInstitution = "/deinst.v1.RegistryService/GetInstitution";

    [Fact]
    public async Task HealthCheck_AnonymousClaimingFourMebibytes_IsResourceExhaustedAtOnce()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        using var raw = new RawGrpcClient(gateway.Address);

        var answer = await raw.PostAsync(string.Empty, Health, [0x00, 0x00, 0x40, 0x00, 0x00]);

        Assert.Equal(StatusCode.ResourceExhausted, answer.Status);
    }

    [Fact]
    public async Task HealthCheck_AnonymousBeyondTheCap_IsResourceExhaustedWhileInstitutionsAreServed()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Gateway:MaxAnonymousCalls=2");
        using var anonymous = new HeldStreams(gateway.Address, null);
        using var raw = new RawGrpcClient(gateway.Address);
        // Three probes that claim a 100-byte request and never send it: whichever reaches the
        // gateway third is over the cap of two, the others stay in progress.
        for (var probe = 0; probe < 3; probe++)
        {
            await anonymous.HoldAsync(Health, [0x00, 0x00, 0x00, 0x00, 0x64]);
        }

        var third = await anonymous.FirstAnsweredAsync();
        var institution = await raw.PostAsync("mun-madona", Health, EmptyMessage);
        await anonymous.ReleaseAsync();
        // The gateway frees a held call's place when it has finished with the reset stream, which
        // may come just after the reset reached it: the places must come back, not at an instant.
        var afterwards = await anonymous.CallAsync(Health, EmptyMessage);
        for (var attempt = 0; afterwards == "8" && attempt < 50; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            afterwards = await anonymous.CallAsync(Health, EmptyMessage);
        }

        Assert.Equal(("8", StatusCode.OK, "0"), (third, institution.Status, afterwards));
    }

    [Fact]
    public async Task Streams_OnOneConnectionHoldingMoreThanItsBudget_TheOneOverItIsResourceExhausted()
    {
        await using var gateway = await GatewayProcess.StartAsync(
            null, "Gateway:MaxReceiveMessageBytes=65536", "Gateway:MaxBufferedBytesPerConnection=131072");
        using var connection = new HeldStreams(gateway.Address, "mun-madona");
        using var other = new RawGrpcClient(gateway.Address);
        // Each claims 64 KiB and sends 60,000 bytes of it: two fit the connection's 128 KiB, three do not.
        var partial = new byte[5 + 60_000];
        partial[2] = 0x01;

        for (var stream = 0; stream < 3; stream++)
        {
            await connection.HoldAsync(GetInstitution, partial);
        }

        var refused = await connection.FirstAnsweredAsync();
        var elsewhere = await other.PostAsync("mun-madona", GetInstitution, RawGrpcClient.Frame([0x0a, 0x0f, .. "institutions/lm"u8]));
        await connection.ReleaseAsync();

        Assert.Equal(("8", StatusCode.OK), (refused, elsewhere.Status));
    }

    [Fact]
    public async Task Connection_BeyondTheCap_IsClosedWhileTheOpenOneIsServed()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Gateway:MaxConcurrentConnections=1");
        using var open = new HeldStreams(gateway.Address, "mun-madona");
        using var second = new RawGrpcClient(gateway.Address);
        Assert.Equal("0", await open.CallAsync(Health, EmptyMessage));

        await Assert.ThrowsAsync<HttpRequestException>(() => second.PostAsync("mun-riga", Health, EmptyMessage));
        Assert.Equal("0", await open.CallAsync(Health, EmptyMessage));
    }

    // An empty HealthCheckRequest, framed.
    private static byte[] EmptyMessage => [0x00, 0x00, 0x00, 0x00, 0x00];
}
