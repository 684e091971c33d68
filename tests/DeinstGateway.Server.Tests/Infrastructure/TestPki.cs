using System.Security.Cryptography.X509Certificates;
using DeinstGateway.Persistence.Registry;
using DeinstGateway.Server.Identity;

namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>
/// One development PKI for the whole test run, made by the same code as the documented
/// <c>create-dev-certificates</c> command: a CA, a localhost server certificate and a client
/// certificate for every institution of the shipped reference data.
/// </summary>
public sealed class TestPki
{
    private static readonly Lazy<TestPki> Shared = new(() => new TestPki());

    private TestPki()
    {
        Folder = Path.Combine(Path.GetTempPath(), "deinst-tests", "pki-" + Guid.NewGuid().ToString("N"));
        InstitutionCodes = ReferenceData.InstitutionCodes(ReferenceDataPath);
        DevelopmentCertificates.EnsureCreated(Folder, InstitutionCodes);
        Authority = X509Certificate2.CreateFromPemFile(Path.Combine(Folder, "ca.crt"), Path.Combine(Folder, "ca.key"));
    }

    public static TestPki Instance => Shared.Value;

    public static string ReferenceDataPath => Path.Combine(AppContext.BaseDirectory, "reference-data.json");

    public string Folder { get; }

    public IReadOnlyList<string> InstitutionCodes { get; }

    /// <summary>The CA with its private key, to issue special certificates in tests.</summary>
    public X509Certificate2 Authority { get; }

    public string CaCertificatePath => Path.Combine(Folder, DevelopmentCertificates.CaCertificateFile);

    public string ServerCertificatePath => Path.Combine(Folder, DevelopmentCertificates.ServerCertificateFile);

    public string ServerKeyPath => Path.Combine(Folder, DevelopmentCertificates.ServerKeyFile);

    public X509Certificate2 ClientCertificate(string institutionCode) =>
        X509Certificate2.CreateFromPemFile(ClientCertificatePath(institutionCode), ClientKeyPath(institutionCode));

    /// <summary>The institution's certificate as a PEM file, as its back office holds it.</summary>
    public string ClientCertificatePath(string institutionCode) =>
        Path.Combine(Folder, DevelopmentCertificates.ClientsFolder, institutionCode + ".crt");

    public string ClientKeyPath(string institutionCode) =>
        Path.Combine(Folder, DevelopmentCertificates.ClientsFolder, institutionCode + ".key");
}
