using DeinstGateway.Server.Identity;
using DeinstGateway.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Server.Tests.Identity;

/// <summary>Each test runs its own gateway with the identity settings it is about.</summary>
public sealed class TrustConfigurationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "deinst-tests", "trust-" + Guid.NewGuid().ToString("N"));

    public TrustConfigurationTests() => Directory.CreateDirectory(_folder);

    // The client sends its certificate alone, and the gateway downloads nothing: the
    // intermediate can only come from the configured bundle.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Call_WithCertificateOfAnIntermediateCa_IsAcceptedOnlyWhenTheBundleHoldsIt(bool configured)
    {
        using var intermediate = DevelopmentCertificates.CreateAuthority(
            "DeinstGateway Development Issuing CA", DateTimeOffset.UtcNow, TestPki.Instance.Authority);
        using var certificate = DevelopmentCertificates.IssueClientCertificate(
            intermediate, "lm", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var bundle = Path.Combine(_folder, "intermediates.pem");
        File.WriteAllText(bundle, intermediate.ExportCertificatePem());
        string[] settings = configured ? [$"Identity:IntermediatesPath={bundle}"] : [];
        await using var gateway = await GatewayProcess.StartAsync(settings: settings);

        if (configured)
        {
            await CertificateProbe.AssertAcceptedAsync(gateway, certificate);
        }
        else
        {
            await CertificateProbe.AssertRejectedAsync(gateway, certificate, "not issued by the gateway's trusted CA");
        }
    }

    [Fact]
    public async Task Calls_WithMoreCertificatesThanTheCacheHolds_AllGetInAndTheCacheKeepsItsBound()
    {
        await using var gateway = await GatewayProcess.StartAsync(settings: "Identity:CacheEntries=2");
        var certificates = Enumerable.Range(0, 5).Select(_ => CertificateProbe.Issue("mun-riga")).ToList();

        foreach (var certificate in certificates)
        {
            await CertificateProbe.AssertAcceptedAsync(gateway, certificate);
            await CertificateProbe.AssertAcceptedAsync(gateway, certificate);
        }

        Assert.InRange(gateway.Services.GetRequiredService<IdentityCache>().Count, 0, 2);
        certificates.ForEach(certificate => certificate.Dispose());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
