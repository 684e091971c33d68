using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace DeinstGateway.Server.Identity;

/// <summary>
/// Reads an X.509 CRL (RFC 5280 §5, PEM or DER) whose signature verifies with one of the
/// configured CAs, and yields its revoked entries. .NET builds CRLs but reads none, hence this.
/// </summary>
public static class CertificateRevocationListReader
{
    private static readonly Dictionary<string, (HashAlgorithmName Hash, bool Rsa)> SignatureAlgorithms = new()
    {
        ["1.2.840.10045.4.3.2"] = (HashAlgorithmName.SHA256, false),
        ["1.2.840.10045.4.3.3"] = (HashAlgorithmName.SHA384, false),
        ["1.2.840.10045.4.3.4"] = (HashAlgorithmName.SHA512, false),
        ["1.2.840.113549.1.1.11"] = (HashAlgorithmName.SHA256, true),
        ["1.2.840.113549.1.1.12"] = (HashAlgorithmName.SHA384, true),
        ["1.2.840.113549.1.1.13"] = (HashAlgorithmName.SHA512, true),
    };

    /// <summary>The (issuer name, serial number) of every revoked certificate; throws <see cref="CryptographicException"/> for a CRL that is malformed or signed by no configured CA.</summary>
    public static IReadOnlyList<(byte[] Issuer, byte[] Serial)> Read(byte[] file, IEnumerable<X509Certificate2> authorities)
    {
        try
        {
            return ReadDer(Der(file), authorities);
        }
        catch (AsnContentException e)
        {
            throw new CryptographicException("the file is not an X.509 CRL: " + e.Message, e);
        }
    }

    private static byte[] Der(byte[] file)
    {
        var text = Encoding.ASCII.GetString(file);
        if (!PemEncoding.TryFind(text, out var pem))
        {
            return file;
        }

        return text[pem.Label] == "X509 CRL"
            ? Convert.FromBase64String(text[pem.Base64Data])
            : throw new CryptographicException($"the PEM block is a '{text[pem.Label]}', not an 'X509 CRL'");
    }

    // CertificateList ::= SEQUENCE { tbsCertList, signatureAlgorithm, signatureValue BIT STRING }
    private static List<(byte[] Issuer, byte[] Serial)> ReadDer(byte[] der, IEnumerable<X509Certificate2> authorities)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var certificateList = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        var signed = certificateList.ReadEncodedValue();
        var algorithm = certificateList.ReadSequence().ReadObjectIdentifier();
        var signature = certificateList.ReadBitString(out _);
        certificateList.ThrowIfNotEmpty();

        // TBSCertList ::= SEQUENCE { version INTEGER OPTIONAL, signature, issuer Name, thisUpdate,
        //   nextUpdate OPTIONAL, revokedCertificates SEQUENCE OF SEQUENCE { serial, date, ... } OPTIONAL, [0] extensions }
        var body = new AsnReader(signed, AsnEncodingRules.DER).ReadSequence();
        if (body.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
        {
            body.ReadInteger();
        }

        body.ReadSequence();
        var issuer = body.ReadEncodedValue().ToArray();
        VerifySignature(signed, algorithm, signature, issuer, authorities);
        body.ReadEncodedValue();
        if (body.HasData && IsTime(body.PeekTag()))
        {
            body.ReadEncodedValue();
        }

        var revoked = new List<(byte[] Issuer, byte[] Serial)>();
        if (body.HasData && body.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var entries = body.ReadSequence();
            while (entries.HasData)
            {
                revoked.Add((issuer, entries.ReadSequence().ReadIntegerBytes().ToArray()));
            }
        }

        return revoked;
    }

    private static void VerifySignature(
        ReadOnlyMemory<byte> signed, string algorithm, byte[] signature, byte[] issuer, IEnumerable<X509Certificate2> authorities)
    {
        if (!SignatureAlgorithms.TryGetValue(algorithm, out var scheme))
        {
            throw new CryptographicException($"the CRL's signature algorithm {algorithm} is not supported");
        }

        // A re-keyed CA keeps its name, so every configured CA of that name may be the signer.
        var namesakes = authorities.Where(ca => ca.SubjectName.RawData.AsSpan().SequenceEqual(issuer)).ToList();
        if (namesakes.Count == 0)
        {
            throw new CryptographicException("the CRL is not issued by a configured CA");
        }

        if (!namesakes.Any(ca => MaySignRevocationLists(ca) && Verifies(ca, signed.Span, signature, scheme)))
        {
            throw new CryptographicException("the CRL's signature does not verify with its issuer's key");
        }
    }

    private static bool MaySignRevocationLists(X509Certificate2 authority)
    {
        var usage = authority.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        return usage is null || usage.KeyUsages.HasFlag(X509KeyUsageFlags.CrlSign);
    }

    private static bool Verifies(
        X509Certificate2 authority, ReadOnlySpan<byte> signed, byte[] signature, (HashAlgorithmName Hash, bool Rsa) scheme)
    {
        if (scheme.Rsa)
        {
            using var rsa = authority.GetRSAPublicKey();
            return rsa is not null && rsa.VerifyData(signed, signature, scheme.Hash, RSASignaturePadding.Pkcs1);
        }

        using var ecdsa = authority.GetECDsaPublicKey();
        return ecdsa is not null && ecdsa.VerifyData(signed, signature, scheme.Hash, DSASignatureFormat.Rfc3279DerSequence);
    }

    private static bool IsTime(Asn1Tag tag) =>
        tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);
}
