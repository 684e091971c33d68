using System.Security.Cryptography;
using System.Text;
using DeinstGateway.Core.Clients;

namespace DeinstGateway.Core.Tests.Clients;

public sealed class PersonalDataProtectorTests
{
    private static readonly byte[] Key1 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Key2 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] LookupKey = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] ClientId = Encoding.ASCII.GetBytes("client-0001");

    private static readonly ClientIdentity Switched = new(
        PersonalCode.Parse("323456-78901"), PersonalCode.Parse("150385-12346"), "Ķēniņš", "Bērziņa-Žūriņa");

    private static readonly ClientIdentity OldOnly = new(PersonalCode.Parse("15038512346"), null, "Anna", "Ozola");

    [Fact]
    public void Unprotect_WhatWasProtected_ReturnsEqualIdentity()
    {
        // Arrange
        var protector = new PersonalDataProtector(KeysWith(1, (1, Key1)));

        // Act
        var switched = protector.Unprotect(protector.Protect(Switched, ClientId), ClientId);
        var oldOnly = protector.Unprotect(protector.Protect(OldOnly, ClientId), ClientId);

        // Assert
        Assert.Equal(Switched, switched);
        Assert.Equal("Ķēniņš", switched.GivenName);
        Assert.Equal(PersonalCodeFormat.New, switched.PersonalCode.Format);
        Assert.Equal(new DateOnly(1985, 3, 15), switched.FormerPersonalCode?.BirthDate);
        Assert.Equal(OldOnly, oldOnly);
        Assert.Null(oldOnly.FormerPersonalCode);
    }

    [Fact]
    public void Unprotect_EmptyNamesAndNoAssociatedData_RoundTrips()
    {
        // Arrange
        var protector = new PersonalDataProtector(KeysWith(1, (1, Key1)));
        var identity = new ClientIdentity(PersonalCode.Parse("32000000000"), null, string.Empty, string.Empty);

        // Act
        var roundTripped = protector.Unprotect(protector.Protect(identity, []), []);

        // Assert
        Assert.Equal(identity, roundTripped);
    }

    [Fact]
    public void Protect_WrittenBytes_HaveTheDocumentedHeader()
    {
        // Arrange
        var protector = new PersonalDataProtector(KeysWith(258, (258, Key1)));

        // Act
        var data = protector.Protect(OldOnly, ClientId);

        // Assert
        Assert.Equal(1, data[0]);
        Assert.Equal(new byte[] { 0, 0, 1, 2 }, data[1..5]);
        Assert.Equal(258, protector.KeyIdOf(data));
    }

    [Fact]
    public void LookupHash_SameCode_IsDeterministicAnd32Bytes()
    {
        // Arrange
        var protector = new PersonalDataProtector(KeysWith(1, (1, Key1)));

        // Act
        var first = protector.LookupHash(PersonalCode.Parse("150385-12346"));
        var second = protector.LookupHash(PersonalCode.Parse("15038512346"));

        // Assert
        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
    }

    [Fact]
    public void LookupHash_IsHmacSha256OfTheAsciiDigits()
    {
        // Arrange
        var protector = new PersonalDataProtector(KeysWith(1, (1, Key1)));

        // Act
        var hash = protector.LookupHash(PersonalCode.Parse("150385-12346"));

        // Assert
        Assert.Equal(HMACSHA256.HashData(LookupKey, "15038512346"u8), hash);
    }

    [Fact]
    public void LookupHash_DifferentCodes_Differ()
    {
        // Arrange
        var protector = new PersonalDataProtector(KeysWith(1, (1, Key1)));

        // Act
        var oldCode = protector.LookupHash(PersonalCode.Parse("150385-12346"));
        var newCode = protector.LookupHash(PersonalCode.Parse("32345678901"));

        // Assert
        Assert.NotEqual(oldCode, newCode);
    }

    [Fact]
    public void LookupHash_DifferentLookupKeys_Differ()
    {
        // Arrange
        var code = PersonalCode.Parse("150385-12346");
        var one = new PersonalDataProtector(KeysWith(1, (1, Key1)));
        var other = new PersonalDataProtector(PersonalDataKeys.Generate());

        // Act
        var first = one.LookupHash(code);
        var second = other.LookupHash(code);

        // Assert
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void LookupHash_DefaultCode_ThrowsArgumentException()
    {
        // Arrange
        var protector = new PersonalDataProtector(PersonalDataKeys.Generate());

        // Act + Assert
        Assert.Throws<ArgumentException>(() => protector.LookupHash(default));
    }

    [Fact]
    public void Protect_Twice_GivesDifferentBytes()
    {
        // Arrange
        var protector = new PersonalDataProtector(KeysWith(1, (1, Key1)));

        // Act
        var first = protector.Protect(Switched, ClientId);
        var second = protector.Protect(Switched, ClientId);

        // Assert
        Assert.NotEqual(first, second);
        Assert.NotEqual(first[5..17], second[5..17]);
    }

    [Fact]
    public void Unprotect_AnySingleByteTampered_ThrowsCryptographicException()
    {
        // Arrange
        var protector = new PersonalDataProtector(KeysWith(1, (1, Key1)));
        var data = protector.Protect(Switched, ClientId);

        for (var i = 0; i < data.Length; i++)
        {
            var tampered = (byte[])data.Clone();
            tampered[i] ^= 0x01;

            // Act + Assert
            Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(tampered, ClientId));
        }
    }

    [Fact]
    public void Unprotect_TruncatedOrExtended_ThrowsCryptographicException()
    {
        // Arrange
        var protector = new PersonalDataProtector(KeysWith(1, (1, Key1)));
        var data = protector.Protect(OldOnly, ClientId);

        // Act + Assert
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(data.AsSpan(0, data.Length - 1), ClientId));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(data.AsSpan(0, 20), ClientId));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect([], ClientId));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect([.. data, 0], ClientId));
    }

    [Fact]
    public void Unprotect_OtherAssociatedData_ThrowsCryptographicException()
    {
        // Arrange
        var protector = new PersonalDataProtector(KeysWith(1, (1, Key1)));
        var data = protector.Protect(Switched, ClientId);

        // Act + Assert
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(data, "client-0002"u8));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(data, []));
    }

    [Fact]
    public void Unprotect_AfterRotation_OpensOldDataAndReprotectsWithNewKey()
    {
        // Arrange
        var before = new PersonalDataProtector(KeysWith(1, (1, Key1)));
        var data = before.Protect(Switched, ClientId);
        var after = new PersonalDataProtector(KeysWith(2, (1, Key1), (2, Key2)));

        // Act
        var oldKeyId = after.KeyIdOf(data);
        var identity = after.Unprotect(data, ClientId);
        var reprotected = after.Protect(identity, ClientId);

        // Assert
        Assert.Equal(1, oldKeyId);
        Assert.Equal(Switched, identity);
        Assert.Equal(2, after.KeyIdOf(reprotected));
        Assert.Equal(Switched, after.Unprotect(reprotected, ClientId));
        Assert.ThrowsAny<CryptographicException>(() => before.Unprotect(reprotected, ClientId));
    }

    [Fact]
    public void Unprotect_UnknownKeyId_ThrowsCryptographicException()
    {
        // Arrange
        var data = new PersonalDataProtector(KeysWith(1, (1, Key1))).Protect(Switched, ClientId);
        var protector = new PersonalDataProtector(KeysWith(2, (2, Key2)));

        // Act
        var exception = Assert.Throws<CryptographicException>(() => protector.Unprotect(data, ClientId));

        // Assert
        Assert.Contains("key 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unprotect_SameKeyIdButOtherKeyMaterial_ThrowsCryptographicException()
    {
        // Arrange
        var data = new PersonalDataProtector(KeysWith(1, (1, Key1))).Protect(Switched, ClientId);
        var protector = new PersonalDataProtector(KeysWith(1, (1, Key2)));

        // Act + Assert
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(data, ClientId));
    }

    [Fact]
    public void KeyIdOf_NotProtectedData_ThrowsCryptographicException()
    {
        // Arrange
        var protector = new PersonalDataProtector(PersonalDataKeys.Generate());
        var data = protector.Protect(OldOnly, ClientId);
        data[0] = 2;

        // Act + Assert
        Assert.Throws<CryptographicException>(() => protector.KeyIdOf(data));
        Assert.Throws<CryptographicException>(() => protector.KeyIdOf(new byte[10]));
    }

    [Fact]
    public void Protect_Output_NeverContainsThePersonalCodesOrNames()
    {
        // Arrange
        var protector = new PersonalDataProtector(KeysWith(1, (1, Key1)));

        for (var i = 0; i < 100; i++)
        {
            // Act
            var data = protector.Protect(Switched, ClientId);

            // Assert
            Assert.Equal(-1, data.AsSpan().IndexOf("32345678901"u8));
            Assert.Equal(-1, data.AsSpan().IndexOf("15038512346"u8));
            Assert.Equal(-1, data.AsSpan().IndexOf("150385-12346"u8));
            Assert.Equal(-1, data.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Ķēniņš")));
        }
    }

    [Fact]
    public void ToString_ClientIdentity_RevealsNoPersonalData()
    {
        // Act
        var text = $"{Switched}";

        // Assert
        Assert.DoesNotContain("323456", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ķēniņš", text, StringComparison.Ordinal);
    }

    private static PersonalDataKeys KeysWith(int activeKeyId, params (int Id, byte[] Key)[] keys) =>
        new(activeKeyId, keys.ToDictionary(k => k.Id, k => k.Key), LookupKey);
}
