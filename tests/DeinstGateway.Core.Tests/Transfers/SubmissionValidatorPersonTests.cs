using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Time;
using DeinstGateway.Core.Transfers;
using static DeinstGateway.Core.Tests.Transfers.SubmissionSamples;

namespace DeinstGateway.Core.Tests.Transfers;

/// <summary>The person's fields of a submission: codes, names, birth date.</summary>
public sealed class SubmissionValidatorPersonTests
{
    [Theory]
    [InlineData("150385-12345")]
    [InlineData("15038512347")]
    [InlineData("")]
    [InlineData("150385 12346")]
    [InlineData("310285-12346")]
    public void Validate_PersonalCodeInvalid_ViolationOnPersonalCode(string personalCode)
    {
        // Arrange
        var input = ValidInput() with { PersonalCode = personalCode };

        // Act
        var check = Validate(input);

        // Assert
        AssertSingleViolation(check, "transfer.person.personal_code");
    }

    [Fact]
    public void Validate_FormerCodeWhileCurrentCodeIsOldFormat_ViolationOnFormerPersonalCode()
    {
        // Arrange
        var otherOldCode = OldCode("150385", '1', avoid: OldFormatCode);
        var input = ValidInput() with { FormerPersonalCode = otherOldCode };

        // Act
        var check = Validate(input);

        // Assert
        AssertSingleViolation(check, "transfer.person.former_personal_code");
    }

    [Fact]
    public void Validate_FormerCodeInNewFormat_ViolationOnFormerPersonalCode()
    {
        // Arrange
        var input = ValidInput() with { PersonalCode = "32345678901", FormerPersonalCode = "32345678902" };

        // Act
        var check = Validate(input);

        // Assert
        AssertSingleViolation(check, "transfer.person.former_personal_code");
    }

    [Fact]
    public void Validate_FormerCodeWithBadCheckDigit_ViolationOnFormerPersonalCode()
    {
        // Arrange
        var input = ValidInput() with { PersonalCode = "32345678901", FormerPersonalCode = "150385-12345" };

        // Act
        var check = Validate(input);

        // Assert
        AssertSingleViolation(check, "transfer.person.former_personal_code");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" Anna")]
    [InlineData("Anna ")]
    [InlineData("An\u0007na")]
    [InlineData("Anna\n")]
    [InlineData("An\u0000na")]
    public void Validate_GivenNameMalformed_ViolationOnGivenName(string givenName)
    {
        // Arrange
        var input = ValidInput() with { GivenName = givenName };

        // Act
        var check = Validate(input);

        // Assert
        AssertSingleViolation(check, "transfer.person.given_name");
    }

    [Fact]
    public void Validate_GivenNameOf101Characters_ViolationOnGivenName()
    {
        // Arrange
        var input = ValidInput() with { GivenName = new string('a', 101) };

        // Act
        var check = Validate(input);

        // Assert
        AssertSingleViolation(check, "transfer.person.given_name");
    }

    [Fact]
    public void Validate_NamesOf100CharactersWithInnerSpaces_Valid()
    {
        // Arrange
        var name = "Anna Marija " + new string('a', 88);
        var input = ValidInput() with { GivenName = name, FamilyName = name };

        // Act
        var check = Validate(input);

        // Assert
        Assert.Equal(100, name.Length);
        Assert.Empty(check.Violations);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" Bērziņa")]
    [InlineData("Bērziņa\t")]
    public void Validate_FamilyNameMalformed_ViolationOnFamilyName(string familyName)
    {
        // Arrange
        var input = ValidInput() with { FamilyName = familyName };

        // Act
        var check = Validate(input);

        // Assert
        AssertSingleViolation(check, "transfer.person.family_name");
    }

    [Fact]
    public void Validate_BirthDateMissing_ViolationOnBirthDate()
    {
        // Arrange
        var input = ValidInput() with { BirthDate = null };

        // Act
        var check = Validate(input);

        // Assert
        AssertSingleViolation(check, "transfer.person.birth_date");
    }

    [Theory]
    [InlineData(1985, 2, 30)]
    [InlineData(1985, 13, 1)]
    [InlineData(0, 0, 0)]
    public void Validate_BirthDateNotACalendarDate_ViolationOnBirthDate(int year, int month, int day)
    {
        // Arrange
        var input = ValidInput() with { BirthDate = new DateInput(year, month, day) };

        // Act
        var check = Validate(input);

        // Assert
        AssertSingleViolation(check, "transfer.person.birth_date");
    }

    [Fact]
    public void Validate_BirthDateInTheFuture_ViolationOnBirthDate()
    {
        // Arrange
        // A new-format code encodes no birth date, so only the range can fail.
        var input = ValidInput() with { PersonalCode = "32345678901", BirthDate = new DateInput(2026, 11, 24) };

        // Act
        var check = Validate(input);

        // Assert
        Assert.Null(check.Valid);
        var violation = Assert.Single(check.Violations, v => v.Field == "transfer.person.birth_date");
        Assert.Equal("must lie between 1900-01-01 and today", violation.Description);
    }

    [Fact]
    public void Validate_BirthDateToday_Valid()
    {
        // Arrange
        var input = ValidInput() with
        {
            PersonalCode = "32345678901",
            BirthDate = new DateInput(2026, 11, 23),
            TargetGroup = (int)TargetGroup.ChildInOutOfFamilyCare,
        };

        // Act
        var check = Validate(input);

        // Assert
        Assert.Empty(check.Violations);
    }

    [Fact]
    public void Validate_BirthDateBefore1900_ViolationOnBirthDate()
    {
        // Arrange
        var input = ValidInput() with { PersonalCode = "32345678901", BirthDate = new DateInput(1899, 12, 31) };

        // Act
        var check = Validate(input);

        // Assert
        AssertSingleViolation(check, "transfer.person.birth_date");
    }

    [Theory]
    [InlineData(OldFormatCode, "")]
    [InlineData("32345678901", OldFormatCode)]
    public void Validate_BirthDateNotTheOneInTheCode_ViolationOnBirthDate(string personalCode, string formerPersonalCode)
    {
        // Arrange
        var input = ValidInput() with
        {
            PersonalCode = personalCode,
            FormerPersonalCode = formerPersonalCode,
            BirthDate = new DateInput(1985, 3, 16),
        };

        // Act
        var check = Validate(input);

        // Assert
        var violation = AssertSingleViolation(check, "transfer.person.birth_date");
        Assert.Equal("does not match the birth date encoded in the personal code", violation.Description);
    }
}
