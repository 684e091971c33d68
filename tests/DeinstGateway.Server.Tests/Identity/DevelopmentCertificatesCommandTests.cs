using System.Security.Cryptography.X509Certificates;
using DeinstGateway.Server.Identity;
using DeinstGateway.Server.Tests.Infrastructure;

namespace DeinstGateway.Server.Tests.Identity;

public sealed class DevelopmentCertificatesCommandTests
{
    [Fact]
    public void Run_IntoAnEmptyFolder_IssuesACertificateForEveryInstitutionAndKeepsThemOnASecondRun()
    {
        var folder = Path.Combine(Path.GetTempPath(), "deinst-tests", "cmd-" + Guid.NewGuid().ToString("N"));

        var exitCode = DevelopmentCertificatesCommand.Run([DevelopmentCertificatesCommand.Name, folder]);
        var firstCa = File.ReadAllText(Path.Combine(folder, "ca.crt"));
        var written = DevelopmentCertificates.EnsureCreated(folder, TestPki.Instance.InstitutionCodes);

        Assert.Equal(0, exitCode);
        Assert.Equal(0, written);
        Assert.Equal(firstCa, File.ReadAllText(Path.Combine(folder, "ca.crt")));
        foreach (var code in TestPki.Instance.InstitutionCodes)
        {
            using var certificate = X509Certificate2.CreateFromPemFile(
                Path.Combine(folder, "clients", code + ".crt"), Path.Combine(folder, "clients", code + ".key"));
            Assert.Equal(code, certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
            Assert.True(certificate.HasPrivateKey);
        }

        using var server = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(folder, "server.crt"));
        Assert.True(server.MatchesHostname("localhost"));
    }
}
