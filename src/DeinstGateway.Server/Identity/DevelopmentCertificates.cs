using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DeinstGateway.Server.Identity;

/// <summary>
/// A development PKI in one folder: <c>ca.crt</c>/<c>ca.key</c>, a <c>server.crt</c>/<c>server.key</c>
/// for localhost, and <c>clients/{code}.crt</c>/<c>.key</c> for every institution, all PEM.
/// Existing files are kept, so running it again only adds what is missing. Never for production:
/// the CA key lies unencrypted beside the certificates.
/// </summary>
public static class DevelopmentCertificates
{
    public const string CaCertificateFile = "ca.crt";
    public const string ServerCertificateFile = "server.crt";
    public const string ServerKeyFile = "server.key";
    public const string ClientsFolder = "clients";
    private const string CaKeyFile = "ca.key";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    /// <summary>Creates whatever is missing; returns how many files were written.</summary>
    public static int EnsureCreated(string folder, IEnumerable<string> institutionCodes)
    {
        Directory.CreateDirectory(Path.Combine(folder, ClientsFolder));
        var written = 0;
        var now = DateTimeOffset.UtcNow;

        using var ca = LoadOrCreateAuthority(folder, now, ref written);
        if (!File.Exists(Path.Combine(folder, ServerCertificateFile)))
        {
            using var server = IssueServerCertificate(ca, now);
            Write(server, Path.Combine(folder, ServerCertificateFile), Path.Combine(folder, ServerKeyFile));
            written += 2;
        }

        foreach (var code in institutionCodes)
        {
            var certificatePath = Path.Combine(folder, ClientsFolder, code + ".crt");
            if (!File.Exists(certificatePath))
            {
                using var client = IssueClientCertificate(ca, code, now.AddDays(-1), now.AddYears(1));
                Write(client, certificatePath, Path.Combine(folder, ClientsFolder, code + ".key"));
                written += 2;
            }
        }

        return written;
    }

    /// <summary>A self-signed CA, or an intermediate CA when <paramref name="issuer"/> is given.</summary>
    public static X509Certificate2 CreateAuthority(string name, DateTimeOffset now, X509Certificate2? issuer = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=DeinstGateway development", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (issuer is null)
        {
            return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var certificate = request.Create(issuer, now.AddDays(-1), now.AddYears(4), NewSerialNumber());
        return certificate.CopyWithPrivateKey(key);
    }

    /// <summary>A client certificate whose common name is the institution code.</summary>
    public static X509Certificate2 IssueClientCertificate(
        X509Certificate2 authority, string institutionCode, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        IssueClientCertificate(
            authority, new X500DistinguishedName($"CN={institutionCode}, O=DeinstGateway development"), notBefore, notAfter);

    /// <summary>A client certificate with exactly this subject and any further extensions.</summary>
    public static X509Certificate2 IssueClientCertificate(
        X509Certificate2 authority,
        X500DistinguishedName subject,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter,
        params IEnumerable<X509Extension> extensions)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        AddLeafExtensions(request, authority, ClientAuthentication);
        foreach (var extension in extensions)
        {
            request.CertificateExtensions.Add(extension);
        }

        using var certificate = request.Create(authority, notBefore, notAfter, NewSerialNumber());
        return certificate.CopyWithPrivateKey(key);
    }

    private static X509Certificate2 IssueServerCertificate(X509Certificate2 authority, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost, O=DeinstGateway development", key, HashAlgorithmName.SHA256);
        AddLeafExtensions(request, authority, ServerAuthentication);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.Create(authority, now.AddDays(-1), now.AddYears(1), NewSerialNumber());
        return certificate.CopyWithPrivateKey(key);
    }

    private static void AddLeafExtensions(CertificateRequest request, X509Certificate2 authority, string usage)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
    }

    private static X509Certificate2 LoadOrCreateAuthority(string folder, DateTimeOffset now, ref int written)
    {
        var certificatePath = Path.Combine(folder, CaCertificateFile);
        var keyPath = Path.Combine(folder, CaKeyFile);
        if (File.Exists(certificatePath) && File.Exists(keyPath))
        {
            return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }

        var authority = CreateAuthority("DeinstGateway Development CA", now);
        Write(authority, certificatePath, keyPath);
        written += 2;
        return authority;
    }

    private static void Write(X509Certificate2 certificate, string certificatePath, string keyPath)
    {
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        using var key = certificate.GetECDsaPrivateKey()
            ?? throw new InvalidOperationException("A development certificate lacks its private key.");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static byte[] NewSerialNumber() => RandomNumberGenerator.GetBytes(16);
}
