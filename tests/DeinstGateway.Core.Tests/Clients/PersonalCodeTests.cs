using DeinstGateway.Core.Clients;

namespace DeinstGateway.Core.Tests.Clients;

public sealed class PersonalCodeTests
{
    [Fact]
    public void TryParse_WorkedExample_ReturnsOldCodeWithBirthDate()
    {
        // Act
        var parsed = PersonalCode.TryParse("150385-12346", out var code, out var error);

        // Assert
        Assert.True(parsed);
        Assert.Null(error);
        Assert.Equal(PersonalCodeFormat.Old, code.Format);
        Assert.Equal(new DateOnly(1985, 3, 15), code.BirthDate);
        Assert.Equal("15038512346", code.Digits);
        Assert.Equal("150385-12346", code.ToString());
    }

    [Fact]
    public void CheckDigit_WorkedExampleBody_ReturnsSix()
    {
        // Act
        var checkDigit = PersonalCode.CheckDigit("1503851234");

        // Assert
        Assert.Equal(6, checkDigit);
    }

    [Fact]
    public void Parse_WithAndWithoutHyphen_GiveEqualCodes()
    {
        // Act
        var hyphenated = PersonalCode.Parse("150385-12346");
        var plain = PersonalCode.Parse("15038512346");

        // Assert
        Assert.Equal(hyphenated, plain);
        Assert.Equal(hyphenated.GetHashCode(), plain.GetHashCode());
        Assert.Equal("150385-12346", plain.ToString());
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("15038-512346", "must be 11 digits, optionally with a hyphen after the sixth")]
    [InlineData("1503851-2346", "must be 11 digits, optionally with a hyphen after the sixth")]
    [InlineData("150385--12346", "must be 11 digits, optionally with a hyphen after the sixth")]
    [InlineData("150385 12346", "must be 11 digits, optionally with a hyphen after the sixth")]
    [InlineData("150385/12346", "must be 11 digits, optionally with a hyphen after the sixth")]
    [InlineData("150385\u201312346", "must be 11 digits, optionally with a hyphen after the sixth")]
    [InlineData(" 15038512346", "must be 11 digits, optionally with a hyphen after the sixth")]
    [InlineData("15038512346 ", "must be 11 digits, optionally with a hyphen after the sixth")]
    [InlineData("15038512346\n", "must be 11 digits, optionally with a hyphen after the sixth")]
    [InlineData("1503851234", "must be 11 digits, optionally with a hyphen after the sixth")]
    [InlineData("150385123460", "must be 11 digits, optionally with a hyphen after the sixth")]
    [InlineData("150385-1234", "must be 11 digits, optionally with a hyphen after the sixth")]
    [InlineData("150385-123460", "must be 11 digits, optionally with a hyphen after the sixth")]
    [InlineData("15038512A46", "must be 11 digits, optionally with a hyphen after the sixth")]
    [InlineData("abcdefghijk", "must be 11 digits, optionally with a hyphen after the sixth")]
    [InlineData("\uff11\uff15\uff10\uff13\uff18\uff15\uff11\uff12\uff13\uff14\uff16", "must be 11 digits, optionally with a hyphen after the sixth")]
    [InlineData("3999999999-9", "must be 11 digits, optionally with a hyphen after the sixth")]
    [InlineData("32345-678901", "must be 11 digits, optionally with a hyphen after the sixth")]
    public void TryParse_MalformedInput_ReturnsFalseWithError(string? input, string expectedError)
    {
        // Act
        var parsed = PersonalCode.TryParse(input, out var code, out var error);

        // Assert
        Assert.False(parsed);
        Assert.Equal(expectedError, error);
        Assert.Equal(default, code);
    }

    [Theory]
    [InlineData("150385-12345")]
    [InlineData("150385-12347")]
    [InlineData("15038512340")]
    public void TryParse_WrongCheckDigit_ReturnsFalse(string input)
    {
        // Act
        var parsed = PersonalCode.TryParse(input, out _, out var error);

        // Assert
        Assert.False(parsed);
        Assert.Equal("has a check digit that does not match", error);
    }

    [Fact]
    public void TryParse_BodyWithoutCheckDigit_ReturnsFalseForEveryLastDigit()
    {
        // Arrange
        var body = FindBodyWithoutCheckDigit("1503851");

        // Act
        var results = Enumerable.Range(0, 10)
            .Select(k => (Parsed: PersonalCode.TryParse(body + k, out _, out var error), Error: error))
            .ToList();

        // Assert
        Assert.All(results, r =>
        {
            Assert.False(r.Parsed);
            Assert.Equal("cannot be a valid code (no check digit exists for it)", r.Error);
        });
    }

    [Theory]
    [InlineData("150385", '0', 1885)]
    [InlineData("150385", '1', 1985)]
    [InlineData("150305", '2', 2005)]
    public void TryParse_CenturyDigit_GivesBirthYearInThatCentury(string date, char century, int expectedYear)
    {
        // Arrange
        var input = OldCode(date, century);

        // Act
        var parsed = PersonalCode.TryParse(input, out var code, out var error);

        // Assert
        Assert.True(parsed, error);
        Assert.Equal(new DateOnly(expectedYear, 3, 15), code.BirthDate);
    }

    [Theory]
    [InlineData('3')]
    [InlineData('4')]
    [InlineData('5')]
    [InlineData('6')]
    [InlineData('7')]
    [InlineData('8')]
    [InlineData('9')]
    public void TryParse_UnknownCenturyDigitInOldFormat_ReturnsFalse(char century)
    {
        // Arrange
        var input = OldCode("150385", century);

        // Act
        var parsed = PersonalCode.TryParse(input, out _, out var error);

        // Assert
        Assert.False(parsed);
        Assert.Equal("has a century digit other than 0, 1 or 2", error);
    }

    [Fact]
    public void TryParse_29February2000_ReturnsTrue()
    {
        // Arrange
        var input = OldCode("290200", '2');

        // Act
        var parsed = PersonalCode.TryParse(input, out var code, out var error);

        // Assert
        Assert.True(parsed, error);
        Assert.Equal(new DateOnly(2000, 2, 29), code.BirthDate);
    }

    [Theory]
    [InlineData("290200", '1')] // 1900 was not a leap year
    [InlineData("290201", '2')]
    [InlineData("310485", '1')]
    [InlineData("300285", '1')]
    [InlineData("000185", '1')]
    [InlineData("150085", '1')]
    [InlineData("151385", '1')]
    public void TryParse_ImpossibleDate_ReturnsFalse(string date, char century)
    {
        // Arrange
        var input = OldCode(date, century);

        // Act
        var parsed = PersonalCode.TryParse(input, out _, out var error);

        // Assert
        Assert.False(parsed);
        Assert.Equal("does not encode a real birth date", error);
    }

    [Theory]
    [InlineData("32345678901", "32345678901")]
    [InlineData("323456-78901", "32345678901")]
    [InlineData("39999999999", "39999999999")]
    [InlineData("399999-99999", "39999999999")]
    [InlineData("32000000000", "32000000000")]
    public void TryParse_NewFormat_AcceptedOnShapeWithoutBirthDate(string input, string expectedDigits)
    {
        // Act
        var parsed = PersonalCode.TryParse(input, out var code, out var error);

        // Assert
        Assert.True(parsed, error);
        Assert.Equal(PersonalCodeFormat.New, code.Format);
        Assert.Null(code.BirthDate);
        Assert.Equal(expectedDigits, code.Digits);
        Assert.Equal(expectedDigits, code.ToString());
    }

    [Fact]
    public void TryParse_NewFormatWhateverItsLastDigit_ReturnsTrue()
    {
        // Arrange
        var inputs = Enumerable.Range(0, 10).Select(k => "3234567890" + k);

        // Act
        var results = inputs.Select(i => PersonalCode.TryParse(i, out _, out _)).ToList();

        // Assert
        Assert.All(results, Assert.True);
    }

    [Theory]
    [InlineData("300385", 30, 3)]
    [InlineData("310385", 31, 3)]
    [InlineData("300485", 30, 4)]
    public void TryParse_OldCodeStartingWith30Or31_ParsedAsOldFormat(string date, int expectedDay, int expectedMonth)
    {
        // Arrange
        var input = OldCode(date, '1');

        // Act
        var parsed = PersonalCode.TryParse(input, out var code, out var error);

        // Assert
        Assert.True(parsed, error);
        Assert.Equal(PersonalCodeFormat.Old, code.Format);
        Assert.Equal(new DateOnly(1985, expectedMonth, expectedDay), code.BirthDate);
    }

    [Fact]
    public void TryParse_31February_ParsedAsOldFormatAndRejected()
    {
        // Arrange
        var input = OldCode("310285", '1');

        // Act
        var parsed = PersonalCode.TryParse(input, out _, out var error);

        // Assert
        Assert.False(parsed);
        Assert.Equal("does not encode a real birth date", error);
    }

    [Fact]
    public void Parse_InvalidCode_ThrowsFormatExceptionWithoutTheInput()
    {
        // Act
        var exception = Assert.Throws<FormatException>(() => PersonalCode.Parse("150385-12345"));

        // Assert
        Assert.Equal("The personal code has a check digit that does not match.", exception.Message);
        Assert.DoesNotContain("150385", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("150385123")]
    [InlineData("15038512345")]
    [InlineData("150385-92346")]
    [InlineData("310485-12346")]
    [InlineData("15038x-12346")]
    public void TryParse_InvalidInput_ErrorDoesNotEchoInput(string input)
    {
        // Act
        PersonalCode.TryParse(input, out _, out var error);

        // Assert
        Assert.NotNull(error);
        Assert.DoesNotMatch("[0-9]{3}", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("123456789")]
    [InlineData("12345678901")]
    [InlineData("12345x7890")]
    public void CheckDigit_NotTenDigits_ThrowsArgumentException(string body)
    {
        // Act + Assert
        Assert.Throws<ArgumentException>(() => PersonalCode.CheckDigit(body));
    }

    [Fact]
    public void ToString_DefaultCode_DigitsAndTextAreEmpty()
    {
        // Act
        var code = default(PersonalCode);

        // Assert
        Assert.Equal(string.Empty, code.Digits);
        Assert.Equal(string.Empty, code.ToString());
    }

    /// <summary>
    /// An old-format code for this DDMMYY and century digit whose checksum is right, so that any
    /// rejection is down to the date or century alone. Some serials have no check digit; skip them.
    /// </summary>
    internal static string OldCode(string date, char century)
    {
        for (var serial = 0; serial < 1000; serial++)
        {
            var body = date + century + serial.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            if (PersonalCode.CheckDigit(body) is { } checkDigit)
            {
                return body + checkDigit;
            }
        }

        throw new InvalidOperationException("No serial gives a check digit.");
    }

    /// <summary>A ten-digit body starting with <paramref name="prefix"/> whose remainder is 10.</summary>
    internal static string FindBodyWithoutCheckDigit(string prefix)
    {
        var suffixLength = 10 - prefix.Length;
        var limit = (int)Math.Pow(10, suffixLength);
        for (var n = 0; n < limit; n++)
        {
            var body = prefix + n.ToString(new string('0', suffixLength), System.Globalization.CultureInfo.InvariantCulture);
            if (PersonalCode.CheckDigit(body) is null)
            {
                return body;
            }
        }

        throw new InvalidOperationException("No body without a check digit under this prefix.");
    }
}
