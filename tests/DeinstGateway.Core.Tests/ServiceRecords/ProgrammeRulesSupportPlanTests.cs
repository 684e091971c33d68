using DeinstGateway.Core.Registry;
using static DeinstGateway.Core.Tests.ServiceRecords.ServiceRecordSamples;

namespace DeinstGateway.Core.Tests.ServiceRecords;

/// <summary>Social rehabilitation and home care for adults need a valid support plan that plans the service.</summary>
public sealed class ProgrammeRulesSupportPlanTests
{
    private const string RehabilitationPlan = "SOCIAL_REHABILITATION_ADULT_SUPPORT_PLAN";
    private const string HomeCarePlan = "HOME_CARE_ADULT_SUPPORT_PLAN";

    [Fact]
    public void Check_AdultWithPlanPlanningRehabilitation_Accepted()
    {
        // Arrange
        var facts = Facts().WithPlans(Plan("2025-01-01", "2025-12-31", ServiceType.HomeCare, ServiceType.SocialRehabilitation));
        var record = Rehabilitation(Adult, "2025-06-01", "2025-06-30", sessions: 8);

        // Act
        var violations = Rules.Check(record, facts);

        // Assert
        Assert.Empty(violations);
    }

    [Fact]
    public void Check_AdultWithoutPlan_PlanRequired()
    {
        // Arrange
        var record = Rehabilitation(Adult, "2025-06-01", "2025-06-30", sessions: 8);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, RehabilitationPlan);
        Assert.Equal("Social rehabilitation for an adult needs a valid individual support plan that plans it.", violations[0].Description);
    }

    [Fact]
    public void Check_AdultWhosePlanPlansOtherServices_PlanRequired()
    {
        // Arrange
        var facts = Facts().WithPlans(Plan("2025-01-01", "2025-12-31", ServiceType.HomeCare, ServiceType.DayCareCentreAdults));
        var record = Rehabilitation(Adult, "2025-06-01", "2025-06-30", sessions: 8);

        // Act
        var violations = Rules.Check(record, facts);

        // Assert
        AssertCodes(violations, RehabilitationPlan);
    }

    [Theory]
    [InlineData("2025-06-15", "2025-12-31")] // starts inside the period
    [InlineData("2025-01-01", "2025-06-29")] // ends the day before the period's last day
    [InlineData("2024-01-01", "2024-12-31")] // expired
    public void Check_PlanNotValidOnEveryDay_PlanRequired(string validFrom, string validTo)
    {
        // Arrange
        var facts = Facts().WithPlans(Plan(validFrom, validTo, ServiceType.SocialRehabilitation));
        var record = Rehabilitation(Adult, "2025-06-01", "2025-06-30", sessions: 8);

        // Act
        var violations = Rules.Check(record, facts);

        // Assert
        AssertCodes(violations, RehabilitationPlan);
    }

    [Fact]
    public void Check_PlanValidExactlyOnThePeriod_Accepted()
    {
        // Arrange
        var facts = Facts().WithPlans(Plan("2025-06-01", "2025-06-30", ServiceType.SocialRehabilitation));
        var record = Rehabilitation(Adult, "2025-06-01", "2025-06-30", sessions: 8);

        // Act
        var violations = Rules.Check(record, facts);

        // Assert
        Assert.Empty(violations);
    }

    [Theory]
    [InlineData("2026-11-16", "2026-11-22", new string[0])] // ends on the last day aged 17
    [InlineData("2026-11-16", "2026-11-23", new[] { RehabilitationPlan })] // reaches the 18th birthday
    [InlineData("2026-11-23", "2026-11-23", new[] { RehabilitationPlan })] // the 18th birthday
    public void Check_NoPlanAroundEighteenthBirthday_PlanRequiredFromTheBirthday(string firstDay, string lastDay, string[] expected)
    {
        // Arrange
        var record = Rehabilitation(TurnsAdultIn2026, firstDay, lastDay, sessions: 2);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, expected);
    }

    [Fact]
    public void Check_AdultHomeCareWithoutPlan_HomeCarePlanRequired()
    {
        // Arrange
        var facts = Facts().WithPlans(Plan("2025-01-01", "2025-12-31", ServiceType.SocialRehabilitation));
        var record = HomeCare(Adult, "2025-06-02", "2025-06-08", hours: 20);

        // Act
        var violations = Rules.Check(record, facts);

        // Assert
        AssertCodes(violations, HomeCarePlan);
    }

    [Fact]
    public void Check_PlanRequirementRemovedFromData_AdultWithoutPlanAccepted()
    {
        // Arrange
        var record = Rehabilitation(Adult, "2025-06-01", "2025-06-30", sessions: 8);
        var rules = RulesWithLimit(RehabilitationPlan, l => l with { MinAgeYears = 65 });

        // Act
        var violations = rules.Check(record, Facts());

        // Assert
        Assert.Empty(violations);
    }
}
