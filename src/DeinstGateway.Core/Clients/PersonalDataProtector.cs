using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DeinstGateway.Core.Clients;

/// <summary>
/// Encrypts client identities at rest and derives keyed look-up hashes of personal codes, so that
/// the database alone never reveals who a client is.
/// </summary>
/// <remarks>
/// Protected data is <c>[version 1][key id, 4 bytes big-endian][nonce, 12][tag, 16][ciphertext]</c>.
/// The header is authenticated together with the caller's associated data, so neither the key id
/// nor the row the data belongs to can be changed without the data failing to open.
/// </remarks>
public sealed class PersonalDataProtector(PersonalDataKeys keys)
{
    private const byte FormatVersion = 1;
    private const int KeyIdOffset = 1;
    private const int NonceOffset = KeyIdOffset + 4;
    private const int NonceSize = 12;
    private const int TagOffset = NonceOffset + NonceSize;
    private const int TagSize = 16;
    private const int CiphertextOffset = TagOffset + TagSize;
    private const int HeaderSize = NonceOffset;

    private readonly PersonalDataKeys _keys = keys ?? throw new ArgumentNullException(nameof(keys));

    /// <summary>
    /// HMAC-SHA256 of the code's 11 digits under the active lookup key: equal codes give equal
    /// hashes whatever their hyphenation, so a code can be found without storing it or decrypting
    /// every row.
    /// </summary>
    public byte[] LookupHash(PersonalCode code) => Hash(code, keyCount: 1)[0];

    /// <summary>
    /// The code's hashes under every lookup key, to find a client whichever key its row was
    /// hashed under. With one lookup key this costs what <see cref="LookupHash"/> costs.
    /// </summary>
    public PersonalCodeHashes LookupHashes(PersonalCode code) => new(Hash(code, _keys.LookupKeys.Length));

    /// <summary>
    /// The id of the lookup key under which <paramref name="storedHash"/> is the code's hash, or
    /// null when no configured key gives it: to find rows that still depend on an old lookup key.
    /// </summary>
    public int? LookupKeyIdOf(PersonalCode code, ReadOnlySpan<byte> storedHash)
    {
        var hashes = LookupHashes(code).All;
        for (var i = 0; i < hashes.Count; i++)
        {
            if (storedHash.SequenceEqual(hashes[i]))
            {
                return _keys.LookupKeys[i].Id;
            }
        }

        return null;
    }

    /// <summary>The id of the lookup key new hashes are made with.</summary>
    public int ActiveLookupKeyId => _keys.ActiveLookupKeyId;

    /// <summary>The id of the encryption key new data is protected with.</summary>
    public int ActiveKeyId => _keys.ActiveKeyId;

    /// <param name="associatedData">Bound to the ciphertext (e.g. the client's id), so data moved to another row fails to open.</param>
    public byte[] Protect(ClientIdentity identity, ReadOnlySpan<byte> associatedData)
    {
        ArgumentNullException.ThrowIfNull(identity);

        var plaintext = IdentitySerializer.Serialize(identity);
        try
        {
            var output = new byte[CiphertextOffset + plaintext.Length];
            output[0] = FormatVersion;
            BinaryPrimitives.WriteInt32BigEndian(output.AsSpan(KeyIdOffset), _keys.ActiveKeyId);
            var nonce = output.AsSpan(NonceOffset, NonceSize);
            RandomNumberGenerator.Fill(nonce);

            using var aes = new AesGcm(_keys.ActiveEncryptionKey, TagSize);
            aes.Encrypt(
                nonce,
                plaintext,
                output.AsSpan(CiphertextOffset),
                output.AsSpan(TagOffset, TagSize),
                Bind(output.AsSpan(0, HeaderSize), associatedData));
            return output;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <exception cref="CryptographicException">
    /// The data was altered, belongs to other associated data, is not in a known format, or was
    /// protected with a key this instance does not hold.
    /// </exception>
    public ClientIdentity Unprotect(ReadOnlySpan<byte> protectedData, ReadOnlySpan<byte> associatedData)
    {
        var keyId = KeyIdOf(protectedData);
        if (!_keys.TryGetEncryptionKey(keyId, out var key))
        {
            throw new CryptographicException($"The personal data was protected with key {keyId}, which is not configured.");
        }

        var plaintext = new byte[protectedData.Length - CiphertextOffset];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(
                protectedData.Slice(NonceOffset, NonceSize),
                protectedData[CiphertextOffset..],
                protectedData.Slice(TagOffset, TagSize),
                plaintext,
                Bind(protectedData[..HeaderSize], associatedData));
            return IdentitySerializer.Deserialize(plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>The id of the key the data was protected with, to find rows to re-protect after a rotation.</summary>
    /// <exception cref="CryptographicException">The data is not protected personal data in a known format.</exception>
    public int KeyIdOf(ReadOnlySpan<byte> protectedData)
    {
        if (protectedData.Length < CiphertextOffset || protectedData[0] != FormatVersion)
        {
            throw new CryptographicException("The data is not protected personal data in a known format.");
        }

        return BinaryPrimitives.ReadInt32BigEndian(protectedData[KeyIdOffset..]);
    }

    /// <summary>The code's hashes under the first <paramref name="keyCount"/> lookup keys (the active one first).</summary>
    private byte[][] Hash(PersonalCode code, int keyCount)
    {
        var keys = _keys.LookupKeys;
        Span<byte> ascii = stackalloc byte[11];
        IdentitySerializer.WriteDigits(code, ascii, nameof(code));
        try
        {
            var hashes = new byte[keyCount][];
            for (var i = 0; i < keyCount; i++)
            {
                hashes[i] = HMACSHA256.HashData(keys[i].Key, ascii);
            }

            return hashes;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ascii);
        }
    }

    private static byte[] Bind(ReadOnlySpan<byte> header, ReadOnlySpan<byte> associatedData)
    {
        var bound = new byte[header.Length + associatedData.Length];
        header.CopyTo(bound);
        associatedData.CopyTo(bound.AsSpan(header.Length));
        return bound;
    }

    /// <summary>
    /// The plaintext: <c>[flags][11 digits][11 former digits if flag 1][given name][family name]</c>,
    /// each name as a 4-byte big-endian length and UTF-8. Binary rather than JSON because the
    /// shape is fixed and there is nothing to gain from field names in every row.
    /// </summary>
    private static class IdentitySerializer
    {
        private const int DigitCount = 11;
        private const byte HasFormerCode = 1;

        private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public static void WriteDigits(PersonalCode code, Span<byte> destination, string paramName)
        {
            if (code.Digits.Length != DigitCount)
            {
                throw new ArgumentException("The personal code is empty; parse it before use.", paramName);
            }

            Encoding.ASCII.GetBytes(code.Digits, destination);
        }

        public static byte[] Serialize(ClientIdentity identity)
        {
            if (identity.GivenName is null || identity.FamilyName is null)
            {
                throw new ArgumentException("The client identity lacks a name.", nameof(identity));
            }

            var former = identity.FormerPersonalCode;
            var givenLength = StrictUtf8.GetByteCount(identity.GivenName);
            var familyLength = StrictUtf8.GetByteCount(identity.FamilyName);
            var buffer = new byte[1 + DigitCount + (former is null ? 0 : DigitCount) + 4 + givenLength + 4 + familyLength];

            var span = buffer.AsSpan();
            span[0] = former is null ? (byte)0 : HasFormerCode;
            span = span[1..];
            WriteDigits(identity.PersonalCode, span, nameof(identity));
            span = span[DigitCount..];
            if (former is { } formerCode)
            {
                WriteDigits(formerCode, span, nameof(identity));
                span = span[DigitCount..];
            }

            span = WriteString(span, identity.GivenName, givenLength);
            WriteString(span, identity.FamilyName, familyLength);
            return buffer;
        }

        public static ClientIdentity Deserialize(ReadOnlySpan<byte> data)
        {
            // The data was authenticated before it got here, so a failure means a writer bug
            // rather than an attack; it is still reported as unreadable data, never half-read.
            try
            {
                var flags = data[0];
                if (flags is not (0 or HasFormerCode))
                {
                    throw Malformed();
                }

                data = data[1..];
                var code = ReadCode(ref data);
                PersonalCode? former = flags == HasFormerCode ? ReadCode(ref data) : null;
                var givenName = ReadString(ref data);
                var familyName = ReadString(ref data);
                if (!data.IsEmpty)
                {
                    throw Malformed();
                }

                return new ClientIdentity(code, former, givenName, familyName);
            }
            catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or DecoderFallbackException)
            {
                throw Malformed();
            }
        }

        private static Span<byte> WriteString(Span<byte> destination, string value, int byteCount)
        {
            BinaryPrimitives.WriteInt32BigEndian(destination, byteCount);
            StrictUtf8.GetBytes(value, destination.Slice(4, byteCount));
            return destination[(4 + byteCount)..];
        }

        private static PersonalCode ReadCode(ref ReadOnlySpan<byte> data)
        {
            // Re-parsing restores the format and birth date rather than storing them a second time.
            var digits = Encoding.ASCII.GetString(data[..DigitCount]);
            data = data[DigitCount..];
            return PersonalCode.TryParse(digits, out var code, out _) ? code : throw Malformed();
        }

        private static string ReadString(ref ReadOnlySpan<byte> data)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data);
            if (length < 0 || length > data.Length - 4)
            {
                throw Malformed();
            }

            var value = StrictUtf8.GetString(data.Slice(4, length));
            data = data[(4 + length)..];
            return value;
        }

        private static CryptographicException Malformed() => new("The protected personal data is malformed.");
    }
}
