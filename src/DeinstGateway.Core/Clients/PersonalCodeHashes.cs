namespace DeinstGateway.Core.Clients;

/// <summary>
/// One personal code's look-up hashes under every configured lookup key, the active key's first:
/// a client hashed before a lookup-key rotation is still found until its row is re-hashed.
/// </summary>
public sealed class PersonalCodeHashes
{
    private readonly byte[][] _all;

    internal PersonalCodeHashes(byte[][] all) => _all = all;

    /// <summary>The hash under the active lookup key: the one new and rewritten rows store.</summary>
    public byte[] Active => _all[0];

    /// <summary>Every hash to search for, the active one first.</summary>
    public IReadOnlyList<byte[]> All => _all;

    /// <summary>Whether a stored hash belongs to this code under any configured lookup key.</summary>
    public bool Matches(ReadOnlySpan<byte> storedHash)
    {
        foreach (var hash in _all)
        {
            if (storedHash.SequenceEqual(hash))
            {
                return true;
            }
        }

        return false;
    }
}
