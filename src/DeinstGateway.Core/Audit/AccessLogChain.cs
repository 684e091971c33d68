using System.Buffers;
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
        string[] texts = [entry.InstitutionCode, entry.CertificateThumbprint, entry.Method, entry.ClientId, entry.Purpose];
        var length = previousHash.Length + 3 * sizeof(long) + texts.Sum(t => sizeof(long) + Encoding.UTF8.GetByteCount(t));
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            // One buffer and one SHA-256 call per entry: a batch of a stream's transfers chains hundreds at once.
            var content = rented.AsSpan(0, length);
            previousHash.CopyTo(content);
            var at = previousHash.Length;
            foreach (var number in new[] { position, entry.Time.UtcTicks, (long)entry.Outcome })
            {
                BinaryPrimitives.WriteInt64BigEndian(content[at..], number);
                at += sizeof(long);
            }

            foreach (var text in texts)
            {
                // Length-prefixed, so that moving characters from one field to the next changes the hash.
                var written = Encoding.UTF8.GetBytes(text, content[(at + sizeof(long))..]);
                BinaryPrimitives.WriteInt64BigEndian(content[at..], written);
                at += sizeof(long) + written;
            }

            return SHA256.HashData(content);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
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
