using System.Security.Cryptography.X509Certificates;
using DeinstGateway.Server.Identity;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Identity;

/// <summary>Mutual TLS over a real loopback connection: who gets in and who does not.</summary>
[Collection(SharedGatewayCollection.Name)]
public sealed class ClientCertificateTests(GatewayFixture fixture)
{
    private static readonly GetInstitutionRequest AnyLookup = new() { Name = "institutions/lm" };

    [Fact]
    public async Task Call_WithAValidInstitutionCertificate_Succeeds()
    {
        var registry = new RegistryService.RegistryServiceClient(fixture.Gateway.ChannelFor("vsac-latgale-kalupe"));

        var ministry = await registry.GetInstitutionAsync(AnyLookup);

        Assert.Equal(InstitutionKind.Ministry, ministry.Kind);
    }

    [Fact]
    public async Task Call_WithoutCertificate_IsUnauthenticated() =>
        await AssertRejected(null, "no client certificate");

    [Fact]
    public async Task Call_WithCertificateFromAnotherCa_IsUnauthenticated()
    {
        using var otherCa = DevelopmentCertificates.CreateAuthority("Impostor CA", DateTimeOffset.UtcNow);
        using var impostor = DevelopmentCertificates.IssueClientCertificate(
            otherCa, "lm", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        await AssertRejected(impostor, "not issued by the gateway's trusted CA");
    }

    [Fact]
    public async Task Call_WithSelfSignedCertificateNamingAnInstitution_IsUnauthenticated()
    {
        using var selfSigned = DevelopmentCertificates.CreateAuthority("lm", DateTimeOffset.UtcNow);

        await AssertRejected(selfSigned, "client certificate");
    }

    [Fact]
    public async Task Call_WithExpiredCertificate_IsUnauthenticated()
    {
        using var expired = DevelopmentCertificates.IssueClientCertificate(
            TestPki.Instance.Authority, "mun-riga", DateTimeOffset.UtcNow.AddHours(-20), DateTimeOffset.UtcNow.AddMinutes(-5));

        await AssertRejected(expired, "expired");
    }

    [Fact]
    public async Task Call_WithCertificateNamingNoKnownInstitution_IsUnauthenticated()
    {
        using var unknown = DevelopmentCertificates.IssueClientCertificate(
            TestPki.Instance.Authority, "mun-atlantis", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        await AssertRejected(unknown, "no institution known");
    }

    [Fact]
    public async Task Call_WithCertificateOfAMergedMunicipality_IsUnauthenticated() =>
        await AssertRejected(TestPki.Instance.ClientCertificate("mun-varaklani"), "no longer exists");

    [Fact]
    public async Task HealthCheck_WithoutCertificate_IsAnswered()
    {
        var health = new Grpc.Health.V1.Health.HealthClient(fixture.Gateway.ChannelWith(null));

        var response = await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest());

        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    private async Task AssertRejected(X509Certificate2? certificate, string reason)
    {
        using var channel = fixture.Gateway.ChannelWith(certificate);
        var registry = new RegistryService.RegistryServiceClient(channel);

        var exception = await Assert.ThrowsAsync<RpcException>(() => registry.GetInstitutionAsync(AnyLookup).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, exception.StatusCode);
        Assert.Contains(reason, exception.Status.Detail, StringComparison.Ordinal);
    }
}
