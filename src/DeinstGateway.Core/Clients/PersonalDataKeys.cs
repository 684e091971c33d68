using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace DeinstGateway.Core.Clients;

/// <summary>
/// The keys that protect personal data at rest: AES-256 keys by id and HMAC lookup keys by id.
/// The active key of each kind protects new data; the others stay so that data protected before a
/// rotation still opens (encryption) and is still found (lookup) until it is re-encrypted.
/// </summary>
/// <remarks>
/// Every extra lookup key costs one more HMAC per personal code looked up and a longer query, so
/// old lookup keys are meant to be retired once the rows are re-hashed, not kept for ever.
/// </remarks>
public sealed class PersonalDataKeys
{
    public const int EncryptionKeySize = 32;
    public const int MinimumLookupKeySize = 32;

    /// <summary>The id a key file or configuration with one unnamed lookup key gives it.</summary>
    public const int SingleLookupKeyId = 1;

    private readonly Dictionary<int, byte[]> _encryptionKeys;
    private readonly (int Id, byte[] Key)[] _lookupKeys;

    public PersonalDataKeys(int activeKeyId, IReadOnlyDictionary<int, byte[]> encryptionKeys, byte[] lookupKey)
        : this(activeKeyId, encryptionKeys, SingleLookupKeyId, new Dictionary<int, byte[]> { [SingleLookupKeyId] = lookupKey })
    {
    }

    public PersonalDataKeys(
        int activeKeyId,
        IReadOnlyDictionary<int, byte[]> encryptionKeys,
        int activeLookupKeyId,
        IReadOnlyDictionary<int, byte[]> lookupKeys)
    {
        ArgumentNullException.ThrowIfNull(encryptionKeys);
        ArgumentNullException.ThrowIfNull(lookupKeys);

        if (!encryptionKeys.ContainsKey(activeKeyId))
        {
            throw new ArgumentException($"The active key id {activeKeyId} has no encryption key.", nameof(activeKeyId));
        }

        if (!lookupKeys.ContainsKey(activeLookupKeyId))
        {
            throw new ArgumentException($"The active lookup key id {activeLookupKeyId} has no lookup key.", nameof(activeLookupKeyId));
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

        foreach (var (id, key) in lookupKeys)
        {
            if (key is null || key.Length < MinimumLookupKeySize)
            {
                throw new ArgumentException($"Lookup key {id} must be at least {MinimumLookupKeySize} bytes.", nameof(lookupKeys));
            }
        }

        // The active key first: new hashes and the most likely match come from it.
        _lookupKeys = lookupKeys
            .OrderBy(k => k.Key == activeLookupKeyId ? 0 : 1)
            .ThenByDescending(k => k.Key)
            .Select(k => (k.Key, (byte[])k.Value.Clone()))
            .ToArray();
        ActiveKeyId = activeKeyId;
    }

    /// <summary>The id of the key that encrypts new data.</summary>
    public int ActiveKeyId { get; }

    /// <summary>The ids of every key that can still decrypt.</summary>
    public IReadOnlyCollection<int> KeyIds => _encryptionKeys.Keys;

    /// <summary>The id of the lookup key that hashes new data.</summary>
    public int ActiveLookupKeyId => _lookupKeys[0].Id;

    /// <summary>The ids of every lookup key under which a stored hash is still found, the active one first.</summary>
    public IReadOnlyList<int> LookupKeyIds => _lookupKeys.Select(k => k.Id).ToArray();

    /// <summary>The lookup keys, the active one first.</summary>
    internal ReadOnlySpan<(int Id, byte[] Key)> LookupKeys => _lookupKeys;

    internal byte[] ActiveEncryptionKey => _encryptionKeys[ActiveKeyId];

    /// <summary>New random keys under id 1. For Development and tests: data protected with them is lost with them.</summary>
    public static PersonalDataKeys Generate() =>
        new(1, new Dictionary<int, byte[]> { [1] = RandomNumberGenerator.GetBytes(EncryptionKeySize) },
            RandomNumberGenerator.GetBytes(MinimumLookupKeySize));

    internal bool TryGetEncryptionKey(int keyId, [NotNullWhen(true)] out byte[]? key) =>
        _encryptionKeys.TryGetValue(keyId, out key);
}
