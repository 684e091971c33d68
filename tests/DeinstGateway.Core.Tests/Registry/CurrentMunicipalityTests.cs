using System.Globalization;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Tests.Registry;

/// <summary>
/// <see cref="RegistrySnapshot.CurrentMunicipalityOf"/> follows successors: Vecumnieki (until
/// 2021-07-01) → Bauska; Varakļāni (2021-07-01 – 2025-07-01) → Madona.
/// </summary>
public sealed class CurrentMunicipalityTests
{
    private static readonly InstitutionRef Zemgale = new("pr-zemgale", "Zemgales plānošanas reģions");

    private static readonly RegistrySnapshot Registry = new(
        [
            new Institution("pr-zemgale", InstitutionKind.PlanningRegion, "Zemgales plānošanas reģions", null, null, null, null, null, null, null, null),
            Municipality("mun-pre2021-vecumnieki", null, "2021-07-01", "mun-bauska"),
            Municipality("mun-bauska", "2021-07-01", null, null),
            Municipality("mun-varaklani", "2021-07-01", "2025-07-01", "mun-madona"),
            Municipality("mun-madona", "2021-07-01", null, null),
            Municipality("mun-pre2021-gone", null, "2021-07-01", null),
        ],
        []);

    [Theory]
    [InlineData("mun-pre2021-vecumnieki", null, "mun-bauska")]
    [InlineData("mun-pre2021-vecumnieki", "2018-03-01", "mun-pre2021-vecumnieki")]
    [InlineData("mun-pre2021-vecumnieki", "2021-06-30", "mun-pre2021-vecumnieki")]
    [InlineData("mun-pre2021-vecumnieki", "2021-07-01", "mun-bauska")]
    [InlineData("mun-bauska", null, "mun-bauska")]
    [InlineData("mun-varaklani", null, "mun-madona")]
    [InlineData("mun-varaklani", "2025-06-30", "mun-varaklani")]
    [InlineData("mun-varaklani", "2025-07-01", "mun-madona")]
    [InlineData("mun-pre2021-gone", null, "mun-pre2021-gone")] // ended with no successor known: itself
    [InlineData("pr-zemgale", null, null)] // not a municipality
    [InlineData("mun-unknown", null, null)]
    public void CurrentMunicipalityOf_SuccessorChain_TheMunicipalityOfTheDay(string code, string? on, string? expected)
    {
        // Act
        var current = Registry.CurrentMunicipalityOf(code, on is null ? null : Day(on));

        // Assert
        Assert.Equal(expected, current?.Code);
    }

    [Fact]
    public void TerritoryOf_TodaysMunicipality_HoldsItsPredecessorsAndRegion()
    {
        // Act
        var territory = Registry.TerritoryOf("mun-pre2021-vecumnieki");

        // Assert
        Assert.Equal(["mun-bauska", "mun-pre2021-vecumnieki", "pr-zemgale"], territory.Order(StringComparer.Ordinal));
    }

    private static Institution Municipality(string code, string? validFrom, string? validTo, string? successor) => new(
        code, InstitutionKind.Municipality, code, Zemgale, null, null, null,
        validFrom is null ? null : Day(validFrom), validTo is null ? null : Day(validTo),
        successor is null ? null : new InstitutionRef(successor, successor), null);

    private static DateOnly Day(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
