using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;
using static DeinstGateway.Core.Tests.ServiceRecords.ServiceRecordSamples;

namespace DeinstGateway.Core.Tests.ServiceRecords;

/// <summary>Home care: ≤ 50 h/week up to age 4, ≤ 10 h/week ages 5–17, a support plan for adults (limits from the shipped data).</summary>
public sealed class ProgrammeRulesHomeCareTests
{
    private const string UpTo4 = "HOME_CARE_CHILD_UP_TO_4_HOURS_PER_WEEK";
    private const string From5To17 = "HOME_CARE_CHILD_5_TO_17_HOURS_PER_WEEK";
    private const string AdultPlan = "HOME_CARE_ADULT_SUPPORT_PLAN";

    [Theory]
    [InlineData(50, new string[0])]
    [InlineData(51, new[] { UpTo4 })]
    public void Check_ChildAged4InOneWeek_FiftyHoursAllowed(long hours, string[] expected)
    {
        // Arrange
        var record = HomeCare(SmallChild, "2024-06-03", "2024-06-09", hours);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, expected);
    }

    [Theory]
    [InlineData(10, new string[0])]
    [InlineData(11, new[] { From5To17 })]
    public void Check_ChildAged5InOneWeek_TenHoursAllowed(long hours, string[] expected)
    {
        // Arrange
        var record = HomeCare(SmallChild, "2025-06-02", "2025-06-08", hours);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, expected);
    }

    [Theory]
    [InlineData("2025-03-10", "2025-03-10", new string[0])] // the last day aged 4: the 50-hour cap
    [InlineData("2025-03-11", "2025-03-11", new[] { From5To17 })] // the 5th birthday: the 10-hour cap
    [InlineData("2025-03-10", "2025-03-11", new[] { From5To17 })] // both ages in the period: both caps, the stricter binds
    public void Check_TwentyHoursAroundFifthBirthday_CapOfTheAgeOnEachDay(string firstDay, string lastDay, string[] expected)
    {
        // Arrange
        var record = HomeCare(SmallChild, firstDay, lastDay, hours: 20);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, expected);
    }

    [Theory]
    [InlineData(4, new string[0])]
    [InlineData(5, new[] { From5To17 })]
    public void Check_EarlierHoursInTheSameWeek_CountTowardsTheCap(long hours, string[] expected)
    {
        // Arrange
        var facts = Facts(
            Earlier(ServiceType.HomeCare, "2025-06-02", "2025-06-02", 3),
            Earlier(ServiceType.HomeCare, "2025-06-04", "2025-06-04", 3));
        var record = HomeCare(SmallChild, "2025-06-06", "2025-06-06", hours);

        // Act
        var violations = Rules.Check(record, facts);

        // Assert
        AssertCodes(violations, expected);
    }

    [Theory]
    [InlineData("2025-06-08", new[] { From5To17 })] // Sunday: the same week as the earlier ten hours
    [InlineData("2025-06-09", new string[0])] // Monday: a new week
    public void Check_OneHourAfterAFullWeek_CountsOnlyWithinMondayToSunday(string day, string[] expected)
    {
        // Arrange
        var facts = Facts(Earlier(ServiceType.HomeCare, "2025-06-02", "2025-06-06", 10));
        var record = HomeCare(SmallChild, day, day, hours: 1);

        // Act
        var violations = Rules.Check(record, facts);

        // Assert
        AssertCodes(violations, expected);
    }

    [Fact]
    public void Check_PeriodFromSundayToMonday_SpansCapBoundaryOnce()
    {
        // Arrange
        var record = HomeCare(SmallChild, "2025-06-08", "2025-06-09", hours: 2);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, ServiceRecordReasons.PeriodSpansCapBoundary);
    }

    [Fact]
    public void Check_WeekOverNewYear_OneWeekNotSpanning()
    {
        // Arrange
        var record = HomeCare(SmallChild, "2024-12-30", "2025-01-05", hours: 10);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        Assert.Empty(violations);
    }

    [Fact]
    public void Check_CapRaisedInData_FifteenHoursAccepted()
    {
        // Arrange
        var record = HomeCare(SmallChild, "2025-06-02", "2025-06-08", hours: 15);
        var raised = RulesWithLimit(From5To17, l => l with { MaxQuantity = 20 });

        // Act
        var shipped = Rules.Check(record, Facts());
        var changed = raised.Check(record, Facts());

        // Assert
        AssertCodes(shipped, From5To17);
        Assert.Empty(changed);
    }

    [Theory]
    [InlineData("2026-11-16", "2026-11-22", new[] { From5To17 })] // the last week aged 17: the child's cap, no plan needed
    [InlineData("2026-11-23", "2026-11-29", new[] { AdultPlan })] // the week of the 18th birthday, from the birthday: no cap, a plan
    public void Check_ElevenHoursWithoutPlanAroundEighteenthBirthday_ChildCapOrAdultPlan(string firstDay, string lastDay, string[] expected)
    {
        // Arrange
        var record = HomeCare(TurnsAdultIn2026, firstDay, lastDay, hours: 11);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, expected);
    }

    [Fact]
    public void Check_AdultWithPlanPlanningHomeCare_NoCap()
    {
        // Arrange
        var facts = Facts().WithPlans(Plan("2025-01-01", "2025-12-31", ServiceType.HomeCare));
        var record = HomeCare(Adult, "2025-06-02", "2025-06-08", hours: 60);

        // Act
        var violations = Rules.Check(record, facts);

        // Assert
        Assert.Empty(violations);
    }
}
