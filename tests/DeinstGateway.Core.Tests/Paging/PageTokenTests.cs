using System.Buffers.Text;
using System.Text;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Paging;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Tests.Paging;

public sealed class PageTokenTests
{
    private static readonly string MunicipalityFingerprint = PageToken.Fingerprint(InstitutionKind.Municipality, "reg-vidzeme");

    [Fact]
    public void Encode_ThenDecodeWithSameFingerprint_ReturnsLastKey()
    {
        // Arrange
        var token = PageToken.Encode(MunicipalityFingerprint, "mun-madona");

        // Act
        var lastKey = PageToken.Decode(token, MunicipalityFingerprint);

        // Assert
        Assert.Equal("mun-madona", lastKey);
    }

    [Fact]
    public void Encode_AnyKey_ProducesUrlSafeTokenWithoutPadding()
    {
        // Arrange
        // Chosen so that the standard Base64 of this token's JSON contains both '+' and '/'.
        var awkwardKey = "ķīši-~~~??>>>" + new string('\u00ff', 7);

        // Act
        var token = PageToken.Encode(MunicipalityFingerprint, awkwardKey);

        // Assert
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.Equal(awkwardKey, PageToken.Decode(token, MunicipalityFingerprint));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Decode_NoToken_ReturnsNullForFirstPage(string? token)
    {
        // Act
        var lastKey = PageToken.Decode(token, MunicipalityFingerprint);

        // Assert
        Assert.Null(lastKey);
    }

    public static TheoryData<string> MalformedTokens => new()
    {
        "garbage",
        "!!!",
        "A",
        Base64UrlOf("not json at all"),
        Base64UrlOf("null"),
        Base64UrlOf("[1,2]"),
        Base64UrlOf("{}"),
        // The fingerprint matches here, so only the missing or empty key can make it invalid.
        Base64UrlOf($$"""{"Filter":"{{MunicipalityFingerprint}}"}"""),
        Base64UrlOf($$"""{"Filter":"{{MunicipalityFingerprint}}","Key":""}"""),
        Base64UrlOf("""{"Key":"mun-madona"}"""),
        Base64UrlOf("""{"Filter":42,"Key":"mun-madona"}"""),
    };

    [Theory]
    [MemberData(nameof(MalformedTokens))]
    public void Decode_MalformedToken_ThrowsValidationExceptionOnPageToken(string token)
    {
        // Act
        var exception = Assert.Throws<ValidationException>(() => PageToken.Decode(token, MunicipalityFingerprint));

        // Assert
        var violation = Assert.Single(exception.Violations);
        Assert.Equal("page_token", violation.Field);
    }

    [Fact]
    public void Decode_TokenIssuedUnderOtherFilters_ThrowsValidationExceptionOnPageToken()
    {
        // Arrange
        var ministryFingerprint = PageToken.Fingerprint(InstitutionKind.Ministry, "reg-vidzeme");
        var token = PageToken.Encode(MunicipalityFingerprint, "mun-madona");

        // Act
        var exception = Assert.Throws<ValidationException>(() => PageToken.Decode(token, ministryFingerprint));

        // Assert
        var violation = Assert.Single(exception.Violations);
        Assert.Equal("page_token", violation.Field);
    }

    [Fact]
    public void Fingerprint_EqualInputs_ReturnsSameShortHexDigest()
    {
        // Arrange
        var validOn = new DateOnly(2025, 7, 1).ToString("O");

        // Act
        var first = PageToken.Fingerprint(InstitutionKind.Municipality, null, "mun-madona", null, validOn);
        var second = PageToken.Fingerprint(InstitutionKind.Municipality, null, "mun-madona", null, validOn);

        // Assert
        Assert.Equal(first, second);
        Assert.Matches("^[0-9A-F]{16}$", first);
    }

    public static TheoryData<object?[], object?[]> DifferentFilterValues => new()
    {
        { ["a", "b"], ["a", "c"] },
        { ["a", null], [null, "a"] },
        { ["a", ""], ["", "a"] },
        { [null, null, "a"], ["a", null, null] },
        // Without a separator between values these two would concatenate to the same text.
        { ["ab", "c"], ["a", "bc"] },
        // Nor may a value that contains a would-be separator pass for two values.
        { ["a\u001fb"], ["a", "b"] },
        { ["a\",\"b"], ["a", "b"] },
        { ["a"], ["a", null] },
        { [InstitutionKind.Municipality, "2025-07-01"], [InstitutionKind.Ministry, "2025-07-01"] },
        { [InstitutionKind.Municipality, "2025-07-01"], [InstitutionKind.Municipality, "2025-07-02"] },
    };

    [Theory]
    [MemberData(nameof(DifferentFilterValues))]
    public void Fingerprint_AnyFilterValueDiffers_ReturnsDifferentDigest(object?[] left, object?[] right)
    {
        // Act
        var leftFingerprint = PageToken.Fingerprint(left);
        var rightFingerprint = PageToken.Fingerprint(right);

        // Assert
        Assert.NotEqual(leftFingerprint, rightFingerprint);
    }

    private static string Base64UrlOf(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
}
