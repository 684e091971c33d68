using DeinstGateway.Core.Clients;

namespace DeinstGateway.Core.Tests.Clients;

public sealed class PersonalDataKeysTests
{
    [Fact]
    public void Constructor_ActiveKeyMissing_ThrowsArgumentException()
    {
        // Arrange
        var encryptionKeys = new Dictionary<int, byte[]> { [1] = new byte[32] };

        // Act + Assert
        Assert.Throws<ArgumentException>(() => new PersonalDataKeys(2, encryptionKeys, new byte[32]));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Constructor_EncryptionKeyNot32Bytes_ThrowsArgumentException(int size)
    {
        // Arrange
        var encryptionKeys = new Dictionary<int, byte[]> { [1] = new byte[32], [2] = new byte[size] };

        // Act + Assert
        Assert.Throws<ArgumentException>(() => new PersonalDataKeys(1, encryptionKeys, new byte[32]));
    }

    [Fact]
    public void Constructor_LookupKeyShorterThan32Bytes_ThrowsArgumentException()
    {
        // Arrange
        var encryptionKeys = new Dictionary<int, byte[]> { [1] = new byte[32] };

        // Act + Assert
        Assert.Throws<ArgumentException>(() => new PersonalDataKeys(1, encryptionKeys, new byte[31]));
    }

    [Fact]
    public void Constructor_LongerLookupKey_IsAccepted()
    {
        // Arrange
        var encryptionKeys = new Dictionary<int, byte[]> { [1] = new byte[32], [7] = new byte[32] };

        // Act
        var keys = new PersonalDataKeys(7, encryptionKeys, new byte[64]);

        // Assert
        Assert.Equal(7, keys.ActiveKeyId);
        Assert.Equal([1, 7], keys.KeyIds.Order());
    }

    [Fact]
    public void Generate_NewKeys_ActiveKeyIsOne()
    {
        // Act
        var keys = PersonalDataKeys.Generate();

        // Assert
        Assert.Equal(1, keys.ActiveKeyId);
        Assert.Equal([1], keys.KeyIds);
    }

    [Fact]
    public void Constructor_OneLookupKey_IsLookupKeyOneAndActive()
    {
        // Arrange
        var encryptionKeys = new Dictionary<int, byte[]> { [3] = new byte[32] };

        // Act
        var keys = new PersonalDataKeys(3, encryptionKeys, new byte[32]);

        // Assert
        Assert.Equal(1, keys.ActiveLookupKeyId);
        Assert.Equal([1], keys.LookupKeyIds);
    }

    [Fact]
    public void Constructor_ActiveLookupKeyMissing_ThrowsArgumentException()
    {
        // Arrange
        var encryptionKeys = new Dictionary<int, byte[]> { [1] = new byte[32] };
        var lookupKeys = new Dictionary<int, byte[]> { [1] = new byte[32] };

        // Act + Assert
        Assert.Throws<ArgumentException>(() => new PersonalDataKeys(1, encryptionKeys, 2, lookupKeys));
    }

    [Fact]
    public void Constructor_AnOldLookupKeyShorterThan32Bytes_ThrowsArgumentException()
    {
        // Arrange
        var encryptionKeys = new Dictionary<int, byte[]> { [1] = new byte[32] };
        var lookupKeys = new Dictionary<int, byte[]> { [1] = new byte[31], [2] = new byte[32] };

        // Act + Assert
        Assert.Throws<ArgumentException>(() => new PersonalDataKeys(1, encryptionKeys, 2, lookupKeys));
    }

    [Fact]
    public void LookupKeyIds_SeveralLookupKeys_ActiveComesFirst()
    {
        // Arrange
        var encryptionKeys = new Dictionary<int, byte[]> { [1] = new byte[32] };
        var lookupKeys = new Dictionary<int, byte[]> { [1] = new byte[32], [2] = new byte[32], [3] = new byte[32] };

        // Act
        var keys = new PersonalDataKeys(1, encryptionKeys, 2, lookupKeys);

        // Assert
        Assert.Equal(2, keys.ActiveLookupKeyId);
        Assert.Equal([2, 3, 1], keys.LookupKeyIds);
    }
}
