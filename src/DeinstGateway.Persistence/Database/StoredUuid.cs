namespace DeinstGateway.Persistence.Database;

/// <summary>
/// UUIDs kept as their 16 bytes in RFC 4122 order, the order SQL's unhex of the hex digits gives
/// (and so the order the migrations convert existing text with).
/// </summary>
internal static class StoredUuid
{
    public static byte[] ToBytes(string uuid) => Guid.ParseExact(uuid, "D").ToByteArray(bigEndian: true);

    public static string ToText(byte[] bytes) => new Guid(bytes, bigEndian: true).ToString("D");
}
