using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Tests.Registry;

public sealed class InstitutionCodeTests
{
    [Theory]
    [InlineData("mun-madona")]
    [InlineData("lm")]
    [InlineData("vsac-zemgale-iecava")]
    [InlineData("a1")]
    public void IsWellFormed_LowerCaseAsciiLettersDigitsAndHyphens_ReturnsTrue(string code)
    {
        // Act
        var wellFormed = InstitutionCode.IsWellFormed(code);

        // Assert
        Assert.True(wellFormed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("Mun-madona")]
    [InlineData("mun madona")]
    [InlineData("1abc")]
    [InlineData("-abc")]
    [InlineData("mun/madona")]
    [InlineData("mun_madona")]
    [InlineData("ķīši")]
    [InlineData("mun-ķekava")]
    [InlineData("mun-madona\n")]
    [InlineData("mun-madona\r\n")]
    public void IsWellFormed_MalformedCode_ReturnsFalse(string? code)
    {
        // Act
        var wellFormed = InstitutionCode.IsWellFormed(code);

        // Assert
        Assert.False(wellFormed);
    }

    [Fact]
    public void IsWellFormed_CodeOfMaximumLength63_ReturnsTrue()
    {
        // Arrange
        var code = "m" + new string('a', 62);

        // Act
        var wellFormed = InstitutionCode.IsWellFormed(code);

        // Assert
        Assert.True(wellFormed);
    }

    [Fact]
    public void IsWellFormed_CodeOfLength64_ReturnsFalse()
    {
        // Arrange
        var code = "m" + new string('a', 63);

        // Act
        var wellFormed = InstitutionCode.IsWellFormed(code);

        // Assert
        Assert.False(wellFormed);
    }
}
