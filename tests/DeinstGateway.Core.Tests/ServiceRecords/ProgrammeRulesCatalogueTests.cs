using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;
using static DeinstGateway.Core.Tests.ServiceRecords.ServiceRecordSamples;

namespace DeinstGateway.Core.Tests.ServiceRecords;

/// <summary>The rules refuse limits they could not apply, so bad reference data fails at start.</summary>
public sealed class ProgrammeRulesCatalogueTests
{
    private const string DaysPerYear = "RESPITE_CARE_DAYS_PER_YEAR";

    [Fact]
    public void Constructor_ShippedCatalogue_HoldsTheProgrammeLimits()
    {
        // Arrange
        var codes = Catalogue.SelectMany(s => s.Limits).Select(l => l.Code);

        // Act
        var rules = new ProgrammeRules(Catalogue, Projects);

        // Assert
        Assert.NotNull(rules);
        Assert.Equivalent(
            new[]
            {
                "RESPITE_CARE_CHILDREN_ONLY",
                DaysPerYear,
                "HOME_CARE_CHILD_UP_TO_4_HOURS_PER_WEEK",
                "HOME_CARE_CHILD_5_TO_17_HOURS_PER_WEEK",
                "HOME_CARE_ADULT_SUPPORT_PLAN",
                "SOCIAL_REHABILITATION_ADULT_SUPPORT_PLAN",
            },
            codes,
            strict: true);
    }

    public static TheoryData<string, Func<ServiceLimit, ServiceLimit>> UnusableLimits => new()
    {
        { "without a known period", l => l with { Period = null } },
        { "without a known period", l => l with { Period = (LimitPeriod)7 } },
        { "another unit", l => l with { QuantityUnit = ServiceUnit.Hours } },
        { "another unit", l => l with { QuantityUnit = null } },
        { "negative maximum", l => l with { MaxQuantity = -1 } },
        { "impossible age range", l => l with { MinAgeYears = 18 } },
        { "impossible age range", l => l with { MaxAgeYears = -1 } },
        { "unknown kind", l => l with { Kind = (ServiceLimitKind)9 } },
        { "no code", l => l with { Code = " " } },
    };

    [Theory]
    [MemberData(nameof(UnusableLimits))]
    public void Constructor_UnusableCap_ThrowsArgumentExceptionNamingTheProblem(string problem, Func<ServiceLimit, ServiceLimit> change)
    {
        // Act
        var build = () => RulesWithLimit(DaysPerYear, change);

        // Assert
        var error = Assert.Throws<ArgumentException>(build);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EligibilityWithoutAgeBound_ThrowsArgumentException()
    {
        // Act
        var build = () => RulesWithLimit("RESPITE_CARE_CHILDREN_ONLY", l => l with { MaxAgeYears = null });

        // Assert
        Assert.Throws<ArgumentException>(build);
    }

    [Fact]
    public void Constructor_ServiceTypeTwice_ThrowsArgumentException()
    {
        // Arrange
        var doubled = Catalogue.Append(Catalogue[0]).ToList();

        // Act
        var build = () => new ProgrammeRules(doubled, Projects);

        // Assert
        Assert.Throws<ArgumentException>(build);
    }
}
