using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DeinstGateway.Server.Identity;

/// <summary>
/// The CAs behind institutions' client certificates, all from configuration: the trusted roots
/// (not the machine's store: a certificate from any public CA must not name an institution) and
/// the intermediates between them and the client certificates.
/// </summary>
public sealed class TrustedAuthorities
{
    private readonly X509Certificate2Collection _roots;
    private readonly X509Certificate2Collection _intermediates;

    public TrustedAuthorities(X509Certificate2Collection roots, X509Certificate2Collection intermediates)
    {
        if (roots.Count == 0)
        {
            throw new ArgumentException("At least one trusted CA certificate is needed.", nameof(roots));
        }

        _roots = roots;
        _intermediates = intermediates;
    }

    public static TrustedAuthorities Load(IdentityOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.TrustedCaPath))
        {
            throw new InvalidOperationException(
                "No trusted CA is configured for client certificates: set Identity:TrustedCaPath (a PEM file).");
        }

        return new TrustedAuthorities(
            ReadPem(options.TrustedCaPath, "trusted CA"),
            string.IsNullOrWhiteSpace(options.IntermediatesPath)
                ? []
                : ReadPem(options.IntermediatesPath, "intermediate CA"));
    }

    /// <summary>Every configured CA, roots and intermediates: the possible issuers of a revocation list.</summary>
    public IEnumerable<X509Certificate2> All => _roots.Concat(_intermediates);

    /// <summary>
    /// Chain building from configuration alone: a certificate's issuer or revocation URLs are never
    /// fetched, so no client certificate can make the gateway reach the network or wait on it.
    /// Revocation is the gateway's own offline check (<see cref="CertificateRevocation"/>).
    /// </summary>
    public X509ChainPolicy OfflinePolicy(DateTimeOffset now)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            DisableCertificateDownloads = true,
            RevocationMode = X509RevocationMode.NoCheck,
            VerificationTime = now.UtcDateTime,
            VerificationTimeIgnored = false,
        };
        policy.CustomTrustStore.AddRange(_roots);
        policy.ExtraStore.AddRange(_intermediates);
        return policy;
    }

    /// <summary>
    /// Files in the folders of the configured CA certificates (the certificate files included)
    /// that this process can read and that hold the private key of one of those CAs. A gateway
    /// that can read a CA's key can be made to issue any institution's identity.
    /// </summary>
    public static IReadOnlyList<string> ReadableCaKeyFiles(IdentityOptions options)
    {
        var authorities = Load(options).All.ToList();
        return new[] { options.TrustedCaPath, options.IntermediatesPath }
            .Where(path => !string.IsNullOrWhiteSpace(path))
            .Select(path => Path.GetDirectoryName(Path.GetFullPath(path))!)
            .Distinct(StringComparer.Ordinal)
            .SelectMany(Directory.EnumerateFiles)
            .Where(file => authorities.Any(ca => HoldsKeyOf(ca, file)))
            .ToList();
    }

    private static bool HoldsKeyOf(X509Certificate2 authority, string file)
    {
        try
        {
            var text = File.ReadAllText(file);
            if (!text.Contains("PRIVATE KEY", StringComparison.Ordinal))
            {
                return false;
            }

            // Succeeds only for the key that belongs to the certificate's public key.
            using var withKey = X509Certificate2.CreateFromPem(authority.ExportCertificatePem(), text);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    private static X509Certificate2Collection ReadPem(string path, string what)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(Path.GetFullPath(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InvalidOperationException($"The {what} file '{path}' cannot be read: {e.Message}", e);
        }

        return certificates.Count > 0
            ? certificates
            : throw new InvalidOperationException($"The {what} file '{path}' holds no PEM certificate.");
    }
}
