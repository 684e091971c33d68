using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DeinstGateway.Server.Identity;

/// <summary>
/// Checks a client certificate against the one CA the gateway trusts (not the machine's store:
/// a certificate from any public CA must not name an institution) and reads the institution
/// code from its subject common name.
/// </summary>
public sealed class ClientCertificateValidator
{
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    private readonly X509Certificate2Collection _trustedRoots;

    public ClientCertificateValidator(X509Certificate2Collection trustedRoots)
    {
        if (trustedRoots.Count == 0)
        {
            throw new ArgumentException("At least one trusted CA certificate is needed.", nameof(trustedRoots));
        }

        _trustedRoots = trustedRoots;
    }

    public static ClientCertificateValidator FromPemFile(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException(
                "No trusted CA is configured for client certificates: set Identity:TrustedCaPath (a PEM file).");
        }

        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(Path.GetFullPath(path));
        }
        catch (Exception e) when (e is IOException or CryptographicException)
        {
            throw new InvalidOperationException($"The trusted CA file '{path}' cannot be read: {e.Message}", e);
        }

        return new ClientCertificateValidator(roots);
    }

    public CertificateCheck Check(X509Certificate2 certificate, DateTimeOffset now)
    {
        if (now < certificate.NotBefore || now > certificate.NotAfter)
        {
            return CertificateCheck.Failed("the client certificate is expired or not yet valid");
        }

        if (!AllowsClientAuthentication(certificate))
        {
            return CertificateCheck.Failed("the client certificate is not issued for client authentication");
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_trustedRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        if (!chain.Build(certificate))
        {
            return CertificateCheck.Failed("the client certificate is not issued by the gateway's trusted CA");
        }

        var code = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        return string.IsNullOrEmpty(code)
            ? CertificateCheck.Failed("the client certificate names no institution")
            : CertificateCheck.Passed(code, certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }

    private static bool AllowsClientAuthentication(X509Certificate2 certificate)
    {
        var usage = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        return usage is null || usage.EnhancedKeyUsages.Cast<Oid>().Any(oid => oid.Value == ClientAuthentication);
    }
}

public sealed record CertificateCheck(bool Succeeded, string? InstitutionCode, string? Thumbprint, string? Failure)
{
    public static CertificateCheck Passed(string code, string thumbprint) => new(true, code, thumbprint, null);

    public static CertificateCheck Failed(string failure) => new(false, null, null, failure);
}
