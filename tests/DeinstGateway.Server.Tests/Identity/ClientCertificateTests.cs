using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using DeinstGateway.Server.Identity;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;

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

    // A CA that copies subjects from requests must not hand out the ministry (lm), and no other
    // name stands in for a missing CN; every certificate also names lm in its alternative names.
    [Theory]
    [InlineData("CN=mun-madona, CN=lm", "exactly one common name (CN), it holds 2")]
    [InlineData("CN=lm, CN=mun-madona", "exactly one common name (CN), it holds 2")]
    [InlineData("O=lm, OU=lm", "exactly one common name (CN), it holds 0")]
    public async Task Call_WithSubjectNotOfExactlyOneCommonName_IsUnauthenticated(string subject, string reason)
    {
        using var certificate = IssueNamingTheMinistryElsewhere(new X500DistinguishedName(subject));

        await AssertRejected(certificate, reason);
    }

    [Fact]
    public async Task Call_WithCommonNameInAMultiValuedSubjectPart_IsUnauthenticated()
    {
        // CN=lm+O=…: one relative name holding two attributes, which no string form builds.
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSetOf())
        {
            foreach (var (type, value) in new[] { ("2.5.4.3", "lm"), ("2.5.4.10", "DeinstGateway development") })
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(type);
                    writer.WriteCharacterString(UniversalTagNumber.UTF8String, value);
                }
            }
        }

        using var certificate = IssueNamingTheMinistryElsewhere(new X500DistinguishedName(writer.Encode()));

        await AssertRejected(certificate, "alone in its part of the subject");
    }

    [Fact]
    public async Task Call_WithCertificateFromAnotherCaNamingUrls_IsUnauthenticatedAndFetchesNothing()
    {
        using var trap = new ConnectionTrap();
        using var otherCa = DevelopmentCertificates.CreateAuthority("Impostor CA", DateTimeOffset.UtcNow);
        using var impostor = IssueNamingUrls(otherCa, trap.Url);

        await AssertRejected(impostor, "not issued by the gateway's trusted CA");

        Assert.Equal(0, trap.Connections);
    }

    [Fact]
    public async Task Call_WithTrustedCertificateNamingUrls_SucceedsAndFetchesNothing()
    {
        using var trap = new ConnectionTrap();
        using var certificate = IssueNamingUrls(TestPki.Instance.Authority, trap.Url);

        await CertificateProbe.AssertAcceptedAsync(fixture.Gateway, certificate);

        Assert.Equal(0, trap.Connections);
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

    // A connection's first calls arrive together and all find the certificate not yet checked:
    // each checks the same certificate object at once, and every one must see what it holds.
    [Fact]
    public async Task FirstCalls_ManyAtOnceOnNewConnections_AreAllServed()
    {
        var statuses = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            using var certificate = CertificateProbe.Issue("mun-madona");
            using var channel = fixture.Gateway.ChannelWith(certificate);
            var registry = new RegistryService.RegistryServiceClient(channel);
            var calls = await Task.WhenAll(Enumerable.Range(0, 24).Select(async _ =>
            {
                try
                {
                    await registry.GetInstitutionAsync(AnyLookup);
                    return "OK";
                }
                catch (Grpc.Core.RpcException e)
                {
                    return e.Status.Detail;
                }
            }));
            return calls;
        }));

        Assert.All(statuses.SelectMany(s => s), status => Assert.Equal("OK", status));
    }

    [Fact]
    public async Task HealthCheck_WithoutCertificate_IsAnswered()
    {
        var health = new Grpc.Health.V1.Health.HealthClient(fixture.Gateway.ChannelWith(null));

        var response = await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest());

        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    private static X509Certificate2 IssueNamingTheMinistryElsewhere(X500DistinguishedName subject)
    {
        var alternativeNames = new SubjectAlternativeNameBuilder();
        alternativeNames.AddDnsName("lm");
        alternativeNames.AddEmailAddress("lm@lm.gov.lv");
        return DevelopmentCertificates.IssueClientCertificate(
            TestPki.Instance.Authority,
            subject,
            DateTimeOffset.UtcNow.AddDays(-1),
            DateTimeOffset.UtcNow.AddDays(30),
            alternativeNames.Build());
    }

    // Where to fetch the issuer, OCSP and the CRL: all one URL, which the gateway must never call.
    private static X509Certificate2 IssueNamingUrls(X509Certificate2 authority, string url) =>
        DevelopmentCertificates.IssueClientCertificate(
            authority,
            new X500DistinguishedName("CN=lm"),
            DateTimeOffset.UtcNow.AddDays(-1),
            DateTimeOffset.UtcNow.AddDays(30),
            new X509AuthorityInformationAccessExtension([url], [url]),
            CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([url]));

    private Task AssertRejected(X509Certificate2? certificate, string reason) =>
        CertificateProbe.AssertRejectedAsync(fixture.Gateway, certificate, reason);
}
