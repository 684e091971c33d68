using System.Security.Cryptography;
using DeinstGateway.Core.Clients;

namespace DeinstGateway.Core.Tests.Clients;

public sealed class LookupKeyRotationTests
{
    private static readonly byte[] EncryptionKey = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] LookupKey1 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] LookupKey2 = RandomNumberGenerator.GetBytes(32);
    private static readonly PersonalCode Code = PersonalCode.Parse("150385-12346");

    [Fact]
    public void LookupHashes_OneLookupKey_IsOnlyTheActiveHash()
    {
        // Arrange
        var protector = ProtectorWith(1, (1, LookupKey1));

        // Act
        var hashes = protector.LookupHashes(Code);

        // Assert
        Assert.Equal([protector.LookupHash(Code)], hashes.All);
        Assert.Equal(protector.LookupHash(Code), hashes.Active);
    }

    [Fact]
    public void LookupHash_AfterRotation_UsesTheActiveLookupKey()
    {
        // Arrange
        var protector = ProtectorWith(2, (1, LookupKey1), (2, LookupKey2));

        // Act
        var hash = protector.LookupHash(Code);

        // Assert
        Assert.Equal(HMACSHA256.HashData(LookupKey2, "15038512346"u8), hash);
    }

    [Fact]
    public void LookupHashes_AfterRotation_MatchHashesMadeUnderOldAndNewKey()
    {
        // Arrange
        var beforeRotation = ProtectorWith(1, (1, LookupKey1)).LookupHash(Code);
        var protector = ProtectorWith(2, (1, LookupKey1), (2, LookupKey2));

        // Act
        var hashes = protector.LookupHashes(Code);

        // Assert
        Assert.Equal(protector.LookupHash(Code), hashes.Active);
        Assert.Equal(2, hashes.All.Count);
        Assert.True(hashes.Matches(beforeRotation));
        Assert.True(hashes.Matches(hashes.Active));
        Assert.False(hashes.Matches(protector.LookupHash(PersonalCode.Parse("32345678901"))));
    }

    [Fact]
    public void LookupKeyIdOf_StoredHash_NamesTheKeyThatMadeIt()
    {
        // Arrange
        var old = ProtectorWith(1, (1, LookupKey1)).LookupHash(Code);
        var protector = ProtectorWith(2, (1, LookupKey1), (2, LookupKey2));
        var unknown = ProtectorWith(3, (3, RandomNumberGenerator.GetBytes(32))).LookupHash(Code);

        // Act + Assert
        Assert.Equal(1, protector.LookupKeyIdOf(Code, old));
        Assert.Equal(2, protector.LookupKeyIdOf(Code, protector.LookupHash(Code)));
        Assert.Null(protector.LookupKeyIdOf(Code, unknown));
    }

    [Fact]
    public void LookupHashes_OldKeyRetired_NoLongerMatchesItsHashes()
    {
        // Arrange
        var old = ProtectorWith(1, (1, LookupKey1)).LookupHash(Code);
        var protector = ProtectorWith(2, (2, LookupKey2));

        // Act
        var hashes = protector.LookupHashes(Code);

        // Assert
        Assert.False(hashes.Matches(old));
    }

    private static PersonalDataProtector ProtectorWith(int activeLookupKeyId, params (int Id, byte[] Key)[] lookupKeys) =>
        new(new PersonalDataKeys(
            1, new Dictionary<int, byte[]> { [1] = EncryptionKey }, activeLookupKeyId, lookupKeys.ToDictionary(k => k.Id, k => k.Key)));
}
