using System.Security.Cryptography.X509Certificates;
using DeinstGateway.Persistence.Registry;
using DeinstGateway.Server.Identity;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>
/// A development PKI made by the gateway's own <see cref="DevelopmentCertificates"/> (as the
/// integration tests and <c>create-dev-certificates</c> make it): a CA, a localhost server
/// certificate and a client certificate for every institution of the shipped reference data.
/// </summary>
public sealed class DevelopmentPki
{
    private DevelopmentPki(string folder) => Folder = folder;

    public string Folder { get; }

    public string CaCertificatePath => Path.Combine(Folder, DevelopmentCertificates.CaCertificateFile);

    public string ServerCertificatePath => Path.Combine(Folder, DevelopmentCertificates.ServerCertificateFile);

    public string ServerKeyPath => Path.Combine(Folder, DevelopmentCertificates.ServerKeyFile);

    public static DevelopmentPki Create(string folder)
    {
        var referenceData = Path.Combine(AppContext.BaseDirectory, "reference-data.json");
        DevelopmentCertificates.EnsureCreated(folder, ReferenceData.InstitutionCodes(referenceData));
        return new DevelopmentPki(folder);
    }

    /// <summary>A PKI that <see cref="Create"/> made before, e.g. in the parent benchmark process.</summary>
    public static DevelopmentPki Open(string folder) =>
        File.Exists(Path.Combine(folder, DevelopmentCertificates.CaCertificateFile))
            ? new DevelopmentPki(folder)
            : throw new BenchmarkFailedException($"no development PKI in {folder}");

    public X509Certificate2 ClientCertificate(string institutionCode)
    {
        var (certificate, key) = ClientCertificateFiles(institutionCode);
        return X509Certificate2.CreateFromPemFile(certificate, key);
    }

    /// <summary>The PEM files of an institution's client certificate and its key, for clients that read files.</summary>
    public (string Certificate, string Key) ClientCertificateFiles(string institutionCode) => (
        Path.Combine(Folder, DevelopmentCertificates.ClientsFolder, institutionCode + ".crt"),
        Path.Combine(Folder, DevelopmentCertificates.ClientsFolder, institutionCode + ".key"));
}
