using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DeinstGateway.Server.Identity;

/// <summary>One reading of the revocation files: the certificates withdrawn before their expiry.</summary>
public sealed class RevokedCertificates
{
    public static readonly RevokedCertificates None = new([], []);

    // Serial numbers are unique per issuer only, so a CRL's entries are keyed by both.
    private readonly HashSet<string> _listed;
    private readonly HashSet<string> _denied;

    private RevokedCertificates(HashSet<string> listed, HashSet<string> denied)
    {
        _listed = listed;
        _denied = denied;
    }

    public static RevokedCertificates From(IEnumerable<(byte[] Issuer, byte[] Serial)> listed, IEnumerable<string> denied) =>
        new(listed.Select(entry => ListedKey(entry.Issuer, entry.Serial)).ToHashSet(StringComparer.Ordinal),
            denied.ToHashSet(StringComparer.Ordinal));

    public bool Contains(X509Certificate2 certificate) =>
        _denied.Contains(Hex(certificate.SerialNumberBytes.Span))
        || _denied.Contains(Hex(certificate.GetCertHash(HashAlgorithmName.SHA256)))
        || _listed.Contains(ListedKey(certificate.IssuerName.RawData, certificate.SerialNumberBytes.Span));

    /// <summary>
    /// The deny list: one serial number or SHA-256 thumbprint a line, in hex; colons and spaces
    /// inside a value are ignored (as tools print them), and <c>#</c> starts a comment.
    /// </summary>
    public static IEnumerable<string> ParseDenyList(string text)
    {
        var lines = text.Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            var value = lines[number - 1].Split('#')[0].Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim();
            if (value.Length == 0)
            {
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = Convert.FromHexString(value.Length % 2 == 0 ? value : "0" + value);
            }
            catch (FormatException)
            {
                throw new FormatException($"line {number} is not a hexadecimal serial number or thumbprint");
            }

            yield return Hex(bytes);
        }
    }

    // Leading zero bytes are dropped: a DER serial may carry one that printed serials do not.
    private static string Hex(ReadOnlySpan<byte> bigEndian) => Convert.ToHexString(bigEndian.TrimStart((byte)0));

    private static string ListedKey(ReadOnlySpan<byte> issuer, ReadOnlySpan<byte> serial) =>
        Convert.ToHexString(issuer) + "/" + Hex(serial);
}
