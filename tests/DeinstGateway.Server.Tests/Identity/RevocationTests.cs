using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DeinstGateway.Server.Identity;
using DeinstGateway.Server.Tests.Infrastructure;

namespace DeinstGateway.Server.Tests.Identity;

/// <summary>
/// Each test runs its own gateway over its own revocation files and changes them while it runs,
/// as an operator withdrawing a stolen institution key would.
/// </summary>
public sealed class RevocationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "deinst-tests", "revocation-" + Guid.NewGuid().ToString("N"));

    public RevocationTests() => Directory.CreateDirectory(_folder);

    private string DenyListPath => Path.Combine(_folder, "denied.txt");

    private string RevocationListPath => Path.Combine(_folder, "ca.crl");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Call_AfterItsCertificateJoinsTheDenyList_IsUnauthenticatedAsRevoked(bool byThumbprint)
    {
        File.WriteAllText(DenyListPath, "# withdrawn institution certificates\n");
        await using var gateway = await GatewayProcess.StartAsync(settings: $"Identity:DenyListPath={DenyListPath}");
        using var stolen = CertificateProbe.Issue("mun-riga");
        using var unrelated = CertificateProbe.Issue("mun-riga");
        await CertificateProbe.AssertAcceptedAsync(gateway, stolen);

        // As tools print them: a serial with colons, a thumbprint in lower case.
        var entry = byThumbprint
            ? stolen.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant()
            : string.Join(':', Convert.ToHexString(stolen.SerialNumberBytes.Span).Chunk(2).Select(pair => new string(pair)));
        File.AppendAllText(DenyListPath, entry + "  # key stolen\n");

        await CertificateProbe.AssertRejectedAsync(gateway, stolen, "the client certificate is revoked");
        await CertificateProbe.AssertAcceptedAsync(gateway, unrelated);
    }

    [Fact]
    public async Task Call_AfterTheRevocationListNamesItsSerial_IsUnauthenticatedAsRevoked()
    {
        using var stolen = CertificateProbe.Issue("vsac-latgale-kalupe");
        using var unrelated = CertificateProbe.Issue("vsac-latgale-kalupe");
        WriteRevocationList(TestPki.Instance.Authority, crlNumber: 1);
        await using var gateway = await GatewayProcess.StartAsync(settings: $"Identity:RevocationListPath={RevocationListPath}");
        await CertificateProbe.AssertAcceptedAsync(gateway, stolen);

        WriteRevocationList(TestPki.Instance.Authority, crlNumber: 2, stolen);

        await CertificateProbe.AssertRejectedAsync(gateway, stolen, "the client certificate is revoked");
        await CertificateProbe.AssertAcceptedAsync(gateway, unrelated);
    }

    [Fact]
    public async Task Call_AfterTheDenyListBecomesUnreadable_StaysRevoked()
    {
        using var stolen = CertificateProbe.Issue("mun-riga");
        File.WriteAllText(DenyListPath, stolen.SerialNumber + "\n");
        await using var gateway = await GatewayProcess.StartAsync(settings: $"Identity:DenyListPath={DenyListPath}");
        await CertificateProbe.AssertRejectedAsync(gateway, stolen, "the client certificate is revoked");

        File.WriteAllText(DenyListPath, "half-written li");

        await CertificateProbe.AssertRejectedAsync(gateway, stolen, "the client certificate is revoked");
    }

    // The second CA bears the trusted CA's very name, with a key of its own.
    [Theory]
    [InlineData("Impostor CA", "not issued by a configured CA")]
    [InlineData("DeinstGateway Development CA", "signature does not verify")]
    public async Task Start_WithRevocationListOfAnotherCa_FailsNamingTheFile(string authorityName, string reason)
    {
        using var otherCa = DevelopmentCertificates.CreateAuthority(authorityName, DateTimeOffset.UtcNow);
        WriteRevocationList(otherCa, crlNumber: 1);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => GatewayProcess.StartAsync(settings: $"Identity:RevocationListPath={RevocationListPath}"));

        Assert.Contains(RevocationListPath, failure.Message, StringComparison.Ordinal);
        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void WriteRevocationList(X509Certificate2 authority, int crlNumber, params X509Certificate2[] revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var certificate in revoked)
        {
            builder.AddEntry(certificate, DateTimeOffset.UtcNow, X509RevocationReason.KeyCompromise);
        }

        var crl = builder.Build(authority, crlNumber, DateTimeOffset.UtcNow.AddDays(7), HashAlgorithmName.SHA256);
        File.WriteAllText(RevocationListPath, PemEncoding.WriteString("X509 CRL", crl));
    }
}
