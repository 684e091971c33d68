using System.Globalization;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Tests.Registry;

public sealed class InstitutionTests
{
    [Theory]
    [InlineData("2021-06-30", false)]
    [InlineData("2021-07-01", true)]
    [InlineData("2023-02-15", true)]
    [InlineData("2025-06-30", true)]
    [InlineData("2025-07-01", false)]
    [InlineData("2030-01-01", false)]
    public void IsValidOn_BothBounds_ValidFromInclusiveAndValidToExclusive(string date, bool expected)
    {
        // Arrange
        var institution = Municipality(validFrom: Day("2021-07-01"), validTo: Day("2025-07-01"));

        // Act
        var valid = institution.IsValidOn(Day(date));

        // Assert
        Assert.Equal(expected, valid);
    }

    [Theory]
    [InlineData("0001-01-01", true)]
    [InlineData("2025-06-30", true)]
    [InlineData("2025-07-01", false)]
    public void IsValidOn_NoValidFrom_OpenTowardsThePast(string date, bool expected)
    {
        // Arrange
        var institution = Municipality(validFrom: null, validTo: Day("2025-07-01"));

        // Act
        var valid = institution.IsValidOn(Day(date));

        // Assert
        Assert.Equal(expected, valid);
    }

    [Theory]
    [InlineData("2021-06-30", false)]
    [InlineData("2021-07-01", true)]
    [InlineData("9999-12-31", true)]
    public void IsValidOn_NoValidTo_OpenTowardsTheFuture(string date, bool expected)
    {
        // Arrange
        var institution = Municipality(validFrom: Day("2021-07-01"), validTo: null);

        // Act
        var valid = institution.IsValidOn(Day(date));

        // Assert
        Assert.Equal(expected, valid);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("2025-07-01")]
    [InlineData("9999-12-31")]
    public void IsValidOn_NoBounds_ReturnsTrue(string date)
    {
        // Arrange
        var institution = Municipality(validFrom: null, validTo: null);

        // Act
        var valid = institution.IsValidOn(Day(date));

        // Assert
        Assert.True(valid);
    }

    private static DateOnly Day(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Institution Municipality(DateOnly? validFrom, DateOnly? validTo) => new(
        Code: "mun-madona",
        Kind: InstitutionKind.Municipality,
        DisplayName: "Madonas novads",
        PlanningRegion: new InstitutionRef("reg-vidzeme", "Vidzemes plānošanas reģions"),
        Municipality: null,
        Parent: null,
        Address: null,
        ValidFrom: validFrom,
        ValidTo: validTo,
        Successor: null,
        OfficialCode: null);
}
