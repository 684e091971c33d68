using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DeinstGateway.Server.Identity;

/// <summary>
/// Checks a client certificate against the configured CAs and reads the institution code from
/// its subject's one common name. Nothing else names the institution: not a second CN (a CA that
/// copies subjects from requests would otherwise hand out any institution), not an alternative name.
/// </summary>
public sealed class ClientCertificateValidator(TrustedAuthorities authorities)
{
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    private const string CommonName = "2.5.4.3";

    /// <summary>
    /// Takes the certificate's bytes, not the connection's certificate object: that object is
    /// shared by every call on the connection and decodes its extensions lazily without a lock, so
    /// two first calls reading the key usage at once could see an empty list and refuse a valid
    /// institution. The copy made here has no one to race with.
    /// </summary>
    public CertificateCheck Check(ReadOnlySpan<byte> presented, DateTimeOffset now)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(presented);
        if (now < certificate.NotBefore || now > certificate.NotAfter)
        {
            return CertificateCheck.Failed("the client certificate is expired or not yet valid");
        }

        if (!AllowsClientAuthentication(certificate))
        {
            return CertificateCheck.Failed("the client certificate is not issued for client authentication");
        }

        using var chain = new X509Chain { ChainPolicy = authorities.OfflinePolicy(now) };
        if (!chain.Build(certificate))
        {
            return CertificateCheck.Failed("the client certificate is not issued by the gateway's trusted CA");
        }

        var (count, code) = CommonNames(certificate.SubjectName);
        if (count != 1)
        {
            return CertificateCheck.Failed(
                $"the client certificate's subject must hold exactly one common name (CN), it holds {count}");
        }

        return string.IsNullOrEmpty(code)
            ? CertificateCheck.Failed(
                "the client certificate's common name (CN) must be a non-empty string, alone in its part of the subject")
            : CertificateCheck.Passed(code, certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }

    private static bool AllowsClientAuthentication(X509Certificate2 certificate)
    {
        var usage = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        return usage is null || usage.EnhancedKeyUsages.Cast<Oid>().Any(oid => oid.Value == ClientAuthentication);
    }

    /// <summary>How many CNs the subject holds, and the value of the last one that stands alone as a string.</summary>
    private static (int Count, string? Value) CommonNames(X500DistinguishedName subject)
    {
        var count = 0;
        string? value = null;
        foreach (var part in subject.EnumerateRelativeDistinguishedNames())
        {
            if (part.HasMultipleElements)
            {
                // A CN inside a multi-valued part (CN=a+O=b) counts, but names no one.
                count += CommonNamesIn(part.RawData);
            }
            else if (part.GetSingleElementType().Value == CommonName)
            {
                count++;
                value = part.GetSingleElementValue();
            }
        }

        return (count, value);
    }

    // RelativeDistinguishedName ::= SET OF SEQUENCE { type OBJECT IDENTIFIER, value ANY }
    private static int CommonNamesIn(ReadOnlyMemory<byte> relativeName)
    {
        var set = new AsnReader(relativeName, AsnEncodingRules.DER).ReadSetOf();
        var count = 0;
        while (set.HasData)
        {
            var attribute = set.ReadSequence();
            if (attribute.ReadObjectIdentifier() == CommonName)
            {
                count++;
            }
        }

        return count;
    }
}

public sealed record CertificateCheck(bool Succeeded, string? InstitutionCode, string? Thumbprint, string? Failure)
{
    public static CertificateCheck Passed(string code, string thumbprint) => new(true, code, thumbprint, null);

    public static CertificateCheck Failed(string failure) => new(false, null, null, failure);
}
