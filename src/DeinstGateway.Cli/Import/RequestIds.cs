using System.Security.Cryptography;
using System.Text;

namespace DeinstGateway.Cli.Import;

/// <summary>
/// Request ids derived from what identifies a row, so that importing the same file again sends
/// the same ids and the gateway recognises every row it has already taken.
/// </summary>
public static class RequestIds
{
    /// <summary>A UUID (RFC 9562 version 8) from the SHA-256 of the kind and the key parts.</summary>
    public static string From(string kind, params string[] keyParts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + string.Join("\n", keyParts)));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
