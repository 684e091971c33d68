using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DeinstGateway.Core.Errors;

namespace DeinstGateway.Core.Audit;

/// <summary>
/// The keyed hash chain of the access log: entry N holds the hash of entry N-1 and its own hash,
/// HMAC-SHA256(key, previous hash ‖ its position and content). Altering, removing or inserting an
/// entry breaks the chain at that position. The key is kept outside the database, so someone who
/// can write the database cannot rewrite an entry and recompute the hashes after it.
/// <para>
/// What the chain alone cannot show is its newest entries removed: the shorter chain is intact.
/// A checkpoint closes that: the position and hash of the newest verified entry, sealed with the
/// key, kept outside the database; a later verification against it fails unless the log still
/// holds that entry unchanged.
/// </para>
/// </summary>
public sealed class AccessLogChain
{
    public const int HashSize = 32;

    /// <summary>The least key size: HMAC-SHA256's own output size.</summary>
    public const int MinimumKeySize = 32;

    private const string CheckpointVersion = "deinst-access-log-checkpoint-v1";

    private readonly byte[] _entryKey;
    private readonly byte[] _checkpointKey;

    /// <summary>Throws <see cref="ArgumentException"/> for a key shorter than <see cref="MinimumKeySize"/>.</summary>
    public AccessLogChain(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumKeySize)
        {
            throw new ArgumentException($"The access-log key must be at least {MinimumKeySize} bytes.", nameof(key));
        }

        // One key each for entries and checkpoints, derived from the configured one: no MAC of one kind can pass for the other.
        _entryKey = HMACSHA256.HashData(key, "access-log entries"u8);
        _checkpointKey = HMACSHA256.HashData(key, "access-log checkpoints"u8);
    }

    /// <summary>The "previous hash" of the first entry.</summary>
    public static byte[] Genesis { get; } = new byte[HashSize];

    /// <summary>Chains entries after the current head (position 0 and <see cref="Genesis"/> for an empty log).</summary>
    public IReadOnlyList<ChainedAccessEntry> Append(long headPosition, byte[] headHash, IEnumerable<AccessEntry> entries)
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

    /// <summary>
    /// Checks entries in position order from the first; reports the first position where the chain
    /// breaks, or where the log no longer holds the entry of <paramref name="checkpoint"/> (the text
    /// of an earlier verdict's <see cref="ChainVerdict.Checkpoint"/>; optional). An intact log's
    /// verdict carries a new checkpoint of its newest entry.
    /// </summary>
    /// <exception cref="ValidationException">The checkpoint was not sealed with this key (field <c>checkpoint</c>).</exception>
    public async Task<ChainVerdict> VerifyAsync(IAsyncEnumerable<ChainedAccessEntry> entries, string? checkpoint, CancellationToken cancellationToken)
    {
        var anchor = checkpoint is null
            ? null
            : Open(checkpoint) ?? throw new ValidationException("checkpoint", "is not a checkpoint issued with this gateway's access-log key");
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
                        : anchor is { } c && c.Position == stored.Position && !stored.EntryHash.AsSpan().SequenceEqual(c.EntryHash)
                            ? "the entry is not the one the checkpoint holds: the log was rewritten up to here"
                            : null;
            if (broken is not null)
            {
                return new ChainVerdict(expected - 1, expected, broken, null);
            }

            previous = stored.EntryHash;
            expected++;
        }

        var verified = expected - 1;
        if (anchor is not null && anchor.Position > verified)
        {
            return new ChainVerdict(verified, expected,
                $"the log ends at position {verified}, but the checkpoint holds position {anchor.Position}: entries were removed", null);
        }

        return new ChainVerdict(verified, null, null, Seal(new Checkpoint(verified, previous)));
    }

    /// <summary>The checkpoint if <paramref name="text"/> is one this key sealed, otherwise null.</summary>
    private Checkpoint? Open(string text)
    {
        var parts = text.Trim().Split(':');
        if (parts.Length != 4 || parts[0] != CheckpointVersion
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            || !TryHex(parts[2], out var hash) || hash.Length != HashSize
            || !TryHex(parts[3], out var mac)
            || !CryptographicOperations.FixedTimeEquals(mac, CheckpointMac(position, hash)))
        {
            return null;
        }

        return new Checkpoint(position, hash);
    }

    /// <summary>One line of text: version, position, hash and the MAC of the three.</summary>
    private string Seal(Checkpoint checkpoint) => string.Join(':',
        CheckpointVersion,
        checkpoint.Position.ToString(CultureInfo.InvariantCulture),
        Convert.ToHexString(checkpoint.EntryHash),
        Convert.ToHexString(CheckpointMac(checkpoint.Position, checkpoint.EntryHash)));

    private byte[] CheckpointMac(long position, byte[] entryHash)
    {
        var content = new byte[sizeof(long) + entryHash.Length];
        BinaryPrimitives.WriteInt64BigEndian(content, position);
        entryHash.CopyTo(content, sizeof(long));
        return HMACSHA256.HashData(_checkpointKey, content);
    }

    private static bool TryHex(string text, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    private byte[] Hash(long position, AccessEntry entry, byte[] previousHash)
    {
        string[] texts = [entry.InstitutionCode, entry.CertificateThumbprint, entry.Method, entry.ClientId, entry.Purpose];
        var length = previousHash.Length + 3 * sizeof(long) + texts.Sum(t => sizeof(long) + Encoding.UTF8.GetByteCount(t));
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            // One buffer and one HMAC call per entry: a batch of a stream's transfers chains hundreds at once.
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

            return HMACSHA256.HashData(_entryKey, content);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>A position of the log and the hash its entry had when it was verified.</summary>
    private sealed record Checkpoint(long Position, byte[] EntryHash);
}

/// <summary>
/// The outcome of checking the chain: how many entries verified and, if it breaks, the first
/// broken position and why; if intact, a sealed checkpoint of the newest entry to keep outside the
/// database for the next verification.
/// </summary>
public sealed record ChainVerdict(long VerifiedEntries, long? FirstBrokenPosition, string? Problem, string? Checkpoint)
{
    public bool Intact => FirstBrokenPosition is null;
}
