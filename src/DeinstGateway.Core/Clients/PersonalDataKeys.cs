using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace DeinstGateway.Core.Clients;

/// <summary>
/// The keys that protect personal data at rest: AES-256 keys by id (the active one encrypts, all
/// of them still decrypt, so keys can be rotated without re-encrypting at once) and one HMAC key
/// for look-up hashes.
/// </summary>
/// <remarks>
/// The lookup key cannot be rotated the same way: every stored hash depends on it, so changing it
/// means recomputing all hashes from the decrypted codes.
/// </remarks>
public sealed class PersonalDataKeys
{
    public const int EncryptionKeySize = 32;
    public const int MinimumLookupKeySize = 32;

    private readonly Dictionary<int, byte[]> _encryptionKeys;
    private readonly byte[] _lookupKey;

    public PersonalDataKeys(int activeKeyId, IReadOnlyDictionary<int, byte[]> encryptionKeys, byte[] lookupKey)
    {
        ArgumentNullException.ThrowIfNull(encryptionKeys);
        ArgumentNullException.ThrowIfNull(lookupKey);

        if (!encryptionKeys.ContainsKey(activeKeyId))
        {
            throw new ArgumentException($"The active key id {activeKeyId} has no encryption key.", nameof(activeKeyId));
        }

        _encryptionKeys = new Dictionary<int, byte[]>(encryptionKeys.Count);
        foreach (var (id, key) in encryptionKeys)
        {
            if (key is null || key.Length != EncryptionKeySize)
            {
                throw new ArgumentException($"Encryption key {id} must be exactly {EncryptionKeySize} bytes.", nameof(encryptionKeys));
            }

            // Copies, so that a caller reusing or clearing its arrays cannot change our keys.
            _encryptionKeys.Add(id, (byte[])key.Clone());
        }

        if (lookupKey.Length < MinimumLookupKeySize)
        {
            throw new ArgumentException($"The lookup key must be at least {MinimumLookupKeySize} bytes.", nameof(lookupKey));
        }

        _lookupKey = (byte[])lookupKey.Clone();
        ActiveKeyId = activeKeyId;
    }

    /// <summary>The id of the key that encrypts new data.</summary>
    public int ActiveKeyId { get; }

    /// <summary>The ids of every key that can still decrypt.</summary>
    public IReadOnlyCollection<int> KeyIds => _encryptionKeys.Keys;

    internal ReadOnlySpan<byte> LookupKey => _lookupKey;

    internal byte[] ActiveEncryptionKey => _encryptionKeys[ActiveKeyId];

    /// <summary>New random keys under id 1. For Development and tests: data protected with them is lost with them.</summary>
    public static PersonalDataKeys Generate() =>
        new(1, new Dictionary<int, byte[]> { [1] = RandomNumberGenerator.GetBytes(EncryptionKeySize) },
            RandomNumberGenerator.GetBytes(MinimumLookupKeySize));

    internal bool TryGetEncryptionKey(int keyId, [NotNullWhen(true)] out byte[]? key) =>
        _encryptionKeys.TryGetValue(keyId, out key);
}
