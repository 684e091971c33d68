using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Time;
using DeinstGateway.Core.Transfers;
using static DeinstGateway.Core.Tests.Transfers.SubmissionSamples;

namespace DeinstGateway.Core.Tests.Transfers;

/// <summary>The move's fields of a submission: target group, destination, services, provider, date.</summary>
public sealed class SubmissionValidatorMoveTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(99)]
    [InlineData(-1)]
    public void Validate_TargetGroupUnknown_ViolationOnTargetGroup(int targetGroup)
    {
        // Arrange
        var input = ValidInput() with { TargetGroup = targetGroup };

        // Act
        var check = Validate(input);

        // Assert
        AssertSingleViolation(check, "transfer.target_group");
    }

    [Theory]
    [InlineData(TargetGroup.ChildWithFunctionalImpairment)]
    [InlineData(TargetGroup.ChildInOutOfFamilyCare)]
    public void Validate_ChildGroupForAnAdult_ViolationOnTargetGroup(TargetGroup targetGroup)
    {
        // Arrange
        var input = ValidInput() with { TargetGroup = (int)targetGroup };

        // Act
        var check = Validate(input);

        // Assert
        AssertSingleViolation(check, "transfer.target_group");
    }

    [Fact]
    public void Validate_AdultGroupFor17YearOld_ViolationOnTargetGroup()
    {
        // Arrange
        // Born 2009-06-15: 17 on 2027-06-14, the day before the 18th birthday.
        var input = PersonBornOn15June2009() with { PlannedMoveDate = new DateInput(2027, 6, 14) };

        // Act
        var check = Validate(input);

        // Assert
        var violation = AssertSingleViolation(check, "transfer.target_group");
        Assert.Equal("is the adults' group, but the person is under 18 on the planned move date", violation.Description);
    }

    [Fact]
    public void Validate_AdultGroupOnThe18thBirthday_Valid()
    {
        // Arrange
        var input = PersonBornOn15June2009() with { PlannedMoveDate = new DateInput(2027, 6, 15) };

        // Act
        var check = Validate(input);

        // Assert
        Assert.Empty(check.Violations);
        Assert.Equal(TargetGroup.AdultWithIntellectualOrMentalDisability, check.Valid?.TargetGroup);
    }

    [Fact]
    public void Validate_ChildGroupOnThe18thBirthday_ViolationOnTargetGroup()
    {
        // Arrange
        var input = PersonBornOn15June2009() with
        {
            PlannedMoveDate = new DateInput(2027, 6, 15),
            TargetGroup = (int)TargetGroup.ChildWithFunctionalImpairment,
        };

        // Act
        var check = Validate(input);

        // Assert
        var violation = AssertSingleViolation(check, "transfer.target_group");
        Assert.Equal("is a children's group, but the person is 18 or older on the planned move date", violation.Description);
    }

    [Fact]
    public void Validate_ChildGroupTheDayBeforeThe18thBirthday_Valid()
    {
        // Arrange
        var input = PersonBornOn15June2009() with
        {
            PlannedMoveDate = new DateInput(2027, 6, 14),
            TargetGroup = (int)TargetGroup.ChildWithFunctionalImpairment,
        };

        // Act
        var check = Validate(input);

        // Assert
        Assert.Empty(check.Violations);
    }

    [Fact]
    public void Validate_MergedMunicipalityOnMergerDay_ViolationNamesSuccessor()
    {
        // Arrange
        var input = ValidInput() with
        {
            DestinationMunicipality = "institutions/mun-varaklani",
            PlannedMoveDate = new DateInput(2025, 7, 1),
        };

        // Act
        var check = Validate(input);

        // Assert
        var violation = AssertSingleViolation(check, "transfer.destination_municipality");
        Assert.Contains("institutions/mun-madona", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MergedMunicipalityOnItsLastDay_Valid()
    {
        // Arrange
        var input = ValidInput() with
        {
            DestinationMunicipality = "institutions/mun-varaklani",
            PlannedMoveDate = new DateInput(2025, 6, 30),
        };

        // Act
        var check = Validate(input);

        // Assert
        Assert.Empty(check.Violations);
        Assert.Equal("mun-varaklani", check.Valid?.DestinationMunicipality.Code);
    }

    [Fact]
    public void Validate_MunicipalityBeforeItExisted_ViolationSayingFromWhenItExists()
    {
        // Arrange
        var input = ValidInput() with { PlannedMoveDate = new DateInput(2021, 6, 30) };

        // Act
        var check = Validate(input);

        // Assert
        var violation = AssertSingleViolation(check, "transfer.destination_municipality");
        Assert.Equal("does not exist on the planned move date; it exists from 2021-07-01, name the municipality of that day", violation.Description);
    }

    [Theory]
    [InlineData("institutions/prov-x", "must be a municipality")]
    [InlineData("institutions/pr-zemgale", "must be a municipality")]
    [InlineData("institutions/mun-nowhere", "names no institution known to the registry")]
    [InlineData("mun-jelgava", "must be an institution name of the form institutions/{code}")]
    [InlineData("", "must be an institution name of the form institutions/{code}")]
    public void Validate_DestinationNotAMunicipality_ViolationOnDestinationMunicipality(string destination, string expectedDescription)
    {
        // Arrange
        var input = ValidInput() with { DestinationMunicipality = destination };

        // Act
        var check = Validate(input);

        // Assert
        var violation = AssertSingleViolation(check, "transfer.destination_municipality");
        Assert.Equal(expectedDescription, violation.Description);
    }

    [Theory]
    [InlineData(new int[0], "must name at least one service")]
    [InlineData(new[] { 99 }, "must name only services of the catalogue")]
    [InlineData(new[] { 0 }, "must name only services of the catalogue")]
    [InlineData(new[] { 1, 14 }, "must name only services of the catalogue")]
    [InlineData(new[] { 1, 1 }, "must name each service once")]
    [InlineData(new[] { 1, 3, 1 }, "must name each service once")]
    public void Validate_RequestedServicesWrong_ViolationOnRequestedServices(int[] services, string expectedDescription)
    {
        // Arrange
        var input = ValidInput() with { RequestedServices = services };

        // Act
        var check = Validate(input);

        // Assert
        var violation = AssertSingleViolation(check, "transfer.requested_services");
        Assert.Equal(expectedDescription, violation.Description);
    }

    [Theory]
    [InlineData("institutions/mun-jelgava", "must be a service provider")]
    [InlineData("institutions/vsac-zemgale", "must be a service provider")]
    [InlineData("institutions/prov-nowhere", "names no institution known to the registry")]
    [InlineData("prov-x", "must be an institution name of the form institutions/{code}")]
    [InlineData("institutions/prov-closed", "does not exist on the planned move date")]
    public void Validate_DestinationProviderWrong_ViolationOnDestinationProvider(string provider, string expectedDescription)
    {
        // Arrange
        var input = ValidInput() with { DestinationProvider = provider };

        // Act
        var check = Validate(input);

        // Assert
        var violation = AssertSingleViolation(check, "transfer.destination_provider");
        Assert.Equal(expectedDescription, violation.Description);
    }

    [Theory]
    [InlineData(2014, 12, 31)]
    [InlineData(2028, 11, 24)]
    [InlineData(2027, 2, 29)]
    [InlineData(0, 0, 0)]
    public void Validate_PlannedMoveDateOutOfRange_ViolationOnPlannedMoveDate(int year, int month, int day)
    {
        // Arrange
        var input = ValidInput() with { PlannedMoveDate = new DateInput(year, month, day) };

        // Act
        var check = Validate(input);

        // Assert
        AssertSingleViolation(check, "transfer.planned_move_date");
    }

    [Fact]
    public void Validate_PlannedMoveDateMissing_ViolationOnPlannedMoveDate()
    {
        // Arrange
        var input = ValidInput() with { PlannedMoveDate = null };

        // Act
        var check = Validate(input);

        // Assert
        AssertSingleViolation(check, "transfer.planned_move_date");
    }

    [Fact]
    public void Validate_PlannedMoveDateTwoYearsFromToday_Valid()
    {
        // Arrange
        var input = ValidInput() with { PlannedMoveDate = new DateInput(2028, 11, 23) };

        // Act
        var check = Validate(input);

        // Assert
        Assert.Empty(check.Violations);
    }

    [Fact]
    public void Validate_PlannedMoveDateBeforeBirthDate_ViolationOnPlannedMoveDate()
    {
        // Arrange
        var input = ValidInput() with
        {
            PersonalCode = OldCode("100523", '2'),
            BirthDate = new DateInput(2023, 5, 10),
            TargetGroup = (int)TargetGroup.ChildWithFunctionalImpairment,
            PlannedMoveDate = new DateInput(2022, 1, 10),
        };

        // Act
        var check = Validate(input);

        // Assert
        var violation = AssertSingleViolation(check, "transfer.planned_move_date");
        Assert.Equal("must not be before the birth date", violation.Description);
    }
}
