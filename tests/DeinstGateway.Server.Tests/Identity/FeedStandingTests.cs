using DeinstGateway.Server.Identity;
using DeinstGateway.Server.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace DeinstGateway.Server.Tests.Identity;

/// <summary>An open feed serves its caller only while the identity it opened with still holds.</summary>
public sealed class FeedStandingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(OpenFeed.Transfers)]
    [InlineData(OpenFeed.Capacity)]
    public async Task Watch_CertificateExpiresWhileOpen_EndsUnauthenticated(string feed)
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Feeds:HeartbeatSeconds=1");
        using var shortLived = DevelopmentCertificates.IssueClientCertificate(
            TestPki.Instance.Authority, "mun-bauska", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddSeconds(6));
        using var channel = gateway.ChannelWith(shortLived);
        using var stop = new CancellationTokenSource(Patience);
        using var watch = OpenFeed.Start(
            feed, channel.Intercept(new DeclaredPurposeInterceptor(ReferenceDataExpectations.KindOf("mun-bauska"))), stop.Token);

        var opened = await watch.MoveNext(stop.Token);
        var ended = await watch.EndAsync(stop.Token);

        Assert.True(opened);
        Assert.Equal(StatusCode.Unauthenticated, ended.StatusCode);
        Assert.Contains("certificate has expired", ended.Status.Detail);
    }

    [Theory]
    [InlineData(OpenFeed.Transfers)]
    [InlineData(OpenFeed.Capacity)]
    public async Task Watch_InstitutionEndsInTheRegistryWhileOpen_EndsUnauthenticated(string feed)
    {
        var path = GatewayProcess.NewDatabasePath();
        await using var gateway = await GatewayProcess.StartAsync(path, "Feeds:HeartbeatSeconds=1");
        using var stop = new CancellationTokenSource(Patience);
        using var watch = OpenFeed.Start(feed, gateway.ChannelFor("mun-bauska"), stop.Token);
        var opened = await watch.MoveNext(stop.Token);

        // A replica starting with new reference data, in which the municipality ends today, changes the shared registry.
        var ended = ReferenceDataVariant.WithInstitutionEnded(Path.GetDirectoryName(path)!, "mun-bauska", TestCalendar.Today);
        await (await GatewayProcess.StartAsync(path, "Registry:ReferenceDataPath=" + ended)).DisposeAsync();
        var end = await watch.EndAsync(stop.Token);

        Assert.True(opened);
        Assert.Equal(StatusCode.Unauthenticated, end.StatusCode);
        Assert.Contains("no longer exists", end.Status.Detail);
    }
}
