using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;
using static DeinstGateway.Core.Tests.ServiceRecords.ServiceRecordSamples;

namespace DeinstGateway.Core.Tests.ServiceRecords;

/// <summary>The record's own facts: a period, a birth date before it, a known service in its unit, amounts.</summary>
public sealed class ProgrammeRulesShapeTests
{
    [Fact]
    public void Check_PeriodEndsBeforeItStarts_OnlyShapeViolations()
    {
        // Arrange
        var record = Respite(Adult, "2024-06-07", "2024-06-03", days: 40) with { Quantity = 0 };

        // Act
        var violations = Rules.Check(record, Facts() with { Provider = null });

        // Assert
        AssertCodes(violations, ServiceRecordReasons.PeriodEndBeforeStart, ServiceRecordReasons.QuantityNotPositive);
    }

    [Fact]
    public void Check_BornAfterThePeriodStarts_BirthDateAfterPeriodStart()
    {
        // Arrange
        var record = Respite(Day("2024-06-04"), "2024-06-03", "2024-06-07", days: 4);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, ServiceRecordReasons.BirthDateAfterPeriodStart);
    }

    [Fact]
    public void Check_BornOnTheFirstDay_Accepted()
    {
        // Arrange
        var record = Respite(Day("2024-06-03"), "2024-06-03", "2024-06-07", days: 4);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        Assert.Empty(violations);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Check_QuantityNotPositive_QuantityNotPositive(long quantity)
    {
        // Arrange
        var record = Respite(Child, "2024-06-03", "2024-06-07", quantity);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, ServiceRecordReasons.QuantityNotPositive);
    }

    [Fact]
    public void Check_NegativeCost_CostNegative()
    {
        // Arrange
        var record = DayCare("2024-06-03", "2024-06-07") with { CostCents = -1 };

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, ServiceRecordReasons.CostNegative);
    }

    [Theory]
    [InlineData(ProgrammeRules.MaxCostCents, false)]
    [InlineData(ProgrammeRules.MaxCostCents + 1, true)]
    [InlineData(5_000_000_000_000_000_000, true)]
    public void Check_CostAtAndAboveTheCap_RejectedOnlyAboveIt(long costCents, bool rejected)
    {
        // Arrange
        var record = DayCare("2024-06-03", "2024-06-07") with { CostCents = costCents };

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        if (rejected)
        {
            AssertCodes(violations, ServiceRecordReasons.CostAboveLimit);
            Assert.Contains("cost.euro_cents", violations[0].Description, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(violations);
        }
    }

    [Fact]
    public void Check_ZeroCost_Accepted()
    {
        // Arrange
        var record = DayCare("2024-06-03", "2024-06-07") with { CostCents = 0 };

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        Assert.Empty(violations);
    }

    [Fact]
    public void Check_ServiceTypeNotInCatalogue_ServiceTypeUnknown()
    {
        // Arrange
        var record = DayCare("2024-06-03", "2024-06-07") with { ServiceType = (ServiceType)99 };

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, ServiceRecordReasons.ServiceTypeUnknown);
    }

    [Fact]
    public void Check_FundingSourceNotDefined_FundingSourceUnknown()
    {
        // Arrange
        var record = DayCare("2024-06-03", "2024-06-07") with { FundingSource = (FundingSource)9 };

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, ServiceRecordReasons.FundingSourceUnknown);
    }

    [Fact]
    public void Check_RespiteInHours_UnitMismatchAndNoCapCounted()
    {
        // Arrange
        var record = Respite(Child, "2024-06-03", "2024-06-07", days: 100) with { Unit = ServiceUnit.Hours };

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, ServiceRecordReasons.UnitDoesNotMatchService);
        Assert.Equal("The service type is counted in days.", violations[0].Description);
    }

    [Theory]
    [InlineData(ServiceType.RespiteCare, ServiceUnit.Days, 5, true)]
    [InlineData(ServiceType.RespiteCare, ServiceUnit.Days, 6, false)]
    [InlineData(ServiceType.HomeCare, ServiceUnit.Hours, 120, true)]
    [InlineData(ServiceType.HomeCare, ServiceUnit.Hours, 121, false)]
    public void Check_QuantityAgainstFiveDays_NoMoreThanTheDaysHold(ServiceType type, ServiceUnit unit, long quantity, bool fits)
    {
        // Arrange
        // An adult with a plan, and respite opened to adults in the data, so that no child's cap interferes.
        var facts = Facts().WithPlans(Plan("2024-01-01", "2024-12-31", ServiceType.HomeCare));
        var record = Record(type, Adult, "2024-06-03", "2024-06-07", quantity, unit);
        var rules = RulesWithLimit("RESPITE_CARE_CHILDREN_ONLY", l => l with { MaxAgeYears = 120 });

        // Act
        var violations = rules.Check(record, facts);

        // Assert
        Assert.Equal(fits, !violations.Any(v => v.Code == ServiceRecordReasons.QuantityExceedsPeriodLength));
    }

    [Fact]
    public void Check_SeveralRulesBroken_AllReportedWithoutRecordValues()
    {
        // Arrange
        var record = new ServiceRecordCandidate(
            ClientBirthDate: Child,
            ServiceType: ServiceType.RespiteCare,
            ProviderCode: ProviderCode,
            Period: Period("2028-05-10", "2028-05-14"),
            Quantity: 31,
            Unit: ServiceUnit.Days,
            CostCents: -5,
            FundingSource: FundingSource.EsfProject,
            EsfProjectCode: ZemgaleProject);
        var institution = Provider(validTo: Day("2028-05-12"));
        var facts = Facts() with { Provider = new ServiceProviderFacts(institution, new HashSet<ServiceType>(), new HashSet<string>()) };

        // Act
        var violations = Rules.Check(record, facts);

        // Assert
        AssertCodes(
            violations,
            ServiceRecordReasons.CostNegative,
            ServiceRecordReasons.QuantityExceedsPeriodLength,
            ServiceRecordReasons.ProviderDoesNotOfferService,
            ServiceRecordReasons.ProviderNotValidInPeriod,
            ServiceRecordReasons.EsfOutsideProjectPeriod,
            ServiceRecordReasons.DeliveredOutsideProjectPartners,
            "RESPITE_CARE_CHILDREN_ONLY",
            "RESPITE_CARE_DAYS_PER_YEAR");
        string[] recordValues = ["2010", "2028", "31", ProviderCode, ZemgaleProject];
        Assert.All(violations, v => Assert.DoesNotContain(recordValues, value => v.Description.Contains(value, StringComparison.Ordinal)));
    }
}
