namespace DeinstGateway.Core.Clients;

/// <summary>
/// A person's details as one sender sent them, kept encrypted with the record that carries them
/// (a transfer), apart from the client record, so that no sender changes what others see.
/// </summary>
public sealed record ProtectedPerson(byte[] ProtectedIdentity, DateOnly BirthDate)
{
    /// <summary>Binds the ciphertext to its transfer: copied to another one it no longer opens.</summary>
    public static byte[] AssociatedData(string transferId) => System.Text.Encoding.ASCII.GetBytes("transfers/" + transferId + "/person");
}
