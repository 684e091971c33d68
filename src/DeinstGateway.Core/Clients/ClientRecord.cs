namespace DeinstGateway.Core.Clients;

/// <summary>
/// A client as stored: look-up hashes and the protected identity, never the plain code. The
/// target group is the one the client was first known under (its first transfer or registration).
/// </summary>
public sealed record ClientRecord(
    string Id,
    byte[] PersonalCodeHash,
    byte[]? FormerPersonalCodeHash,
    byte[] ProtectedIdentity,
    DateOnly BirthDate,
    TargetGroup TargetGroup)
{
    /// <summary>
    /// Random (UUIDv4), never time-ordered: an id handed to a sender must not tell when the person
    /// first became known to the gateway.
    /// </summary>
    public static string NewId() => Guid.NewGuid().ToString("D");

    /// <summary>Binds a client's ciphertext to its row: moved to another client it no longer opens.</summary>
    public static byte[] AssociatedData(string clientId) => System.Text.Encoding.ASCII.GetBytes("clients/" + clientId);
}
