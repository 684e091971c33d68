using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DeinstGateway.Core.Audit;

/// <summary>
/// The hash chain of the access log: entry N holds the SHA-256 of entry N-1 and its own hash,
/// SHA-256(previous hash ‖ its position and content). Altering, removing or inserting an entry
/// breaks the chain at that position; nothing but the chain itself is needed to check it.
/// </summary>
public static class AccessLogChain
{
    public const int HashSize = 32;

    /// <summary>The "previous hash" of the first entry.</summary>
    public static byte[] Genesis { get; } = new byte[HashSize];

    /// <summary>Chains entries after the current head (position 0 and <see cref="Genesis"/> for an empty log).</summary>
    public static IReadOnlyList<ChainedAccessEntry> Append(long headPosition, byte[] headHash, IEnumerable<AccessEntry> entries)
    {
        var chained = new List<ChainedAccessEntry>();
        var position = headPosition;
        var previous = headHash;
        foreach (var entry in entries)
        {
            position++;
            var hash = Hash(position, entry, previous);
            chained.Add(new ChainedAccessEntry(position, entry, previous, hash));
            previous = hash;
        }

        return chained;
    }

    /// <summary>Checks entries in position order from the first; reports the first position where the chain breaks.</summary>
    public static async Task<ChainVerdict> VerifyAsync(IAsyncEnumerable<ChainedAccessEntry> entries, CancellationToken cancellationToken)
    {
        long expected = 1;
        var previous = Genesis;
        await foreach (var stored in entries.WithCancellation(cancellationToken))
        {
            var broken = stored.Position != expected
                ? "an entry is missing or was inserted here: positions must run 1, 2, 3 … without gaps"
                : !stored.PreviousHash.AsSpan().SequenceEqual(previous)
                    ? "the entry's previous hash is not the hash of the entry before it"
                    : !stored.EntryHash.AsSpan().SequenceEqual(Hash(stored.Position, stored.Entry, stored.PreviousHash))
                        ? "the entry's content does not match its hash"
                        : null;
            if (broken is not null)
            {
                return new ChainVerdict(expected - 1, expected, broken);
            }

            previous = stored.EntryHash;
            expected++;
        }

        return new ChainVerdict(expected - 1, null, null);
    }

    private static byte[] Hash(long position, AccessEntry entry, byte[] previousHash)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previousHash);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, position);
        hash.AppendData(number);
        BinaryPrimitives.WriteInt64BigEndian(number, entry.Time.UtcTicks);
        hash.AppendData(number);
        BinaryPrimitives.WriteInt64BigEndian(number, (long)entry.Outcome);
        hash.AppendData(number);
        foreach (var text in new[] { entry.InstitutionCode, entry.CertificateThumbprint, entry.Method, entry.ClientId, entry.Purpose })
        {
            // Length-prefixed, so that moving characters from one field to the next changes the hash.
            var bytes = Encoding.UTF8.GetBytes(text);
            BinaryPrimitives.WriteInt64BigEndian(number, bytes.Length);
            hash.AppendData(number);
            hash.AppendData(bytes);
        }

        return hash.GetHashAndReset();
    }
}

/// <summary>
/// The outcome of checking the chain: how many entries verified and, if it breaks, the first
/// broken position and why.
/// </summary>
public sealed record ChainVerdict(long VerifiedEntries, long? FirstBrokenPosition, string? Problem)
{
    public bool Intact => FirstBrokenPosition is null;
}
