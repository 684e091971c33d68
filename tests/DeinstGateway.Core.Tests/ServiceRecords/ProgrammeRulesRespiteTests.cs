using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;
using static DeinstGateway.Core.Tests.ServiceRecords.ServiceRecordSamples;

namespace DeinstGateway.Core.Tests.ServiceRecords;

/// <summary>Respite care: children up to 17 inclusive, at most 30 days per calendar year (limits from the shipped data).</summary>
public sealed class ProgrammeRulesRespiteTests
{
    private const string ChildrenOnly = "RESPITE_CARE_CHILDREN_ONLY";
    private const string DaysPerYear = "RESPITE_CARE_DAYS_PER_YEAR";

    [Fact]
    public void Check_ChildWithinCap_NoViolations()
    {
        // Arrange
        var record = Respite(Child, "2024-06-03", "2024-06-07", days: 5);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        Assert.Empty(violations);
    }

    [Theory]
    [InlineData("2027-05-13", "2027-05-13")] // the day before the 17th birthday
    [InlineData("2027-05-14", "2027-05-14")] // the 17th birthday
    [InlineData("2028-05-13", "2028-05-13")] // the last day aged 17
    [InlineData("2028-05-10", "2028-05-13")] // a period ending the day before the 18th birthday
    public void Check_ChildAged17OrLessOnEveryDay_Accepted(string firstDay, string lastDay)
    {
        // Arrange
        var record = Respite(Child, firstDay, lastDay, days: 1);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        Assert.Empty(violations);
    }

    [Theory]
    [InlineData("2028-05-14", "2028-05-14")] // the 18th birthday
    [InlineData("2028-05-10", "2028-05-14")] // a period reaching the 18th birthday
    [InlineData("2030-01-02", "2030-01-03")]
    public void Check_AdultOnAnyDay_ChildrenOnly(string firstDay, string lastDay)
    {
        // Arrange
        var record = Respite(Child, firstDay, lastDay, days: 1);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, ChildrenOnly);
        Assert.Equal("Respite care is for children with a disability up to age 17 inclusive.", violations[0].Description);
    }

    [Fact]
    public void Check_ThirtyDaysIn2024ThenOneDayOnFirstOfJanuary2025_Accepted()
    {
        // Arrange
        var facts = Facts(
            Earlier(ServiceType.RespiteCare, "2024-03-04", "2024-03-18", 15),
            Earlier(ServiceType.RespiteCare, "2024-12-17", "2024-12-31", 15));
        var record = Respite(Child, "2025-01-01", "2025-01-01", days: 1);

        // Act
        var violations = Rules.Check(record, facts);

        // Assert
        Assert.Empty(violations);
    }

    [Fact]
    public void Check_ThirtyDaysIn2024ThenOneDayOn31December_DaysPerYear()
    {
        // Arrange
        var facts = Facts(
            Earlier(ServiceType.RespiteCare, "2024-03-04", "2024-03-18", 15),
            Earlier(ServiceType.RespiteCare, "2024-12-01", "2024-12-15", 15));
        var record = Respite(Child, "2024-12-31", "2024-12-31", days: 1);

        // Act
        var violations = Rules.Check(record, facts);

        // Assert
        AssertCodes(violations, DaysPerYear);
    }

    [Fact]
    public void Check_ThirtyDaysInOneRecord_Accepted()
    {
        // Arrange
        var record = Respite(Child, "2024-07-01", "2024-07-30", days: 30);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        Assert.Empty(violations);
    }

    [Fact]
    public void Check_ThirtyOneDaysInOneRecord_DaysPerYear()
    {
        // Arrange
        var record = Respite(Child, "2024-07-01", "2024-07-31", days: 31);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, DaysPerYear);
    }

    [Fact]
    public void Check_EarlierDaysOfOtherYearsAndServices_NotCounted()
    {
        // Arrange
        var facts = Facts(
            Earlier(ServiceType.RespiteCare, "2023-12-02", "2023-12-31", 30),
            Earlier(ServiceType.RespiteCare, "2025-01-01", "2025-01-30", 30),
            Earlier(ServiceType.HomeCare, "2024-06-03", "2024-06-03", 8));
        var record = Respite(Child, "2024-06-03", "2024-07-02", days: 30);

        // Act
        var violations = Rules.Check(record, facts);

        // Assert
        Assert.Empty(violations);
    }

    [Fact]
    public void Check_PeriodOverNewYear_SpansCapBoundaryOnly()
    {
        // Arrange
        var record = Respite(Child, "2024-12-31", "2025-01-01", days: 2);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, ServiceRecordReasons.PeriodSpansCapBoundary);
    }

    [Fact]
    public void Check_AdultOverNewYear_NoCapAppliesSoOnlyChildrenOnly()
    {
        // Arrange
        var record = Respite(Adult, "2024-12-31", "2025-01-01", days: 2);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, ChildrenOnly);
    }

    [Fact]
    public void Check_CapLoweredInData_SameRecordRefused()
    {
        // Arrange
        var facts = Facts(Earlier(ServiceType.RespiteCare, "2024-03-04", "2024-03-28", 25));
        var record = Respite(Child, "2024-06-03", "2024-06-07", days: 5);
        var lowered = RulesWithLimit(DaysPerYear, l => l with { MaxQuantity = 29 });

        // Act
        var shipped = Rules.Check(record, facts);
        var changed = lowered.Check(record, facts);

        // Assert
        Assert.Empty(shipped);
        AssertCodes(changed, DaysPerYear);
    }

    [Fact]
    public void Check_AgeLimitRaisedInData_EighteenYearOldAccepted()
    {
        // Arrange
        var record = Respite(Child, "2028-05-14", "2028-05-14", days: 1);
        var raised = RulesWithLimit(ChildrenOnly, l => l with { MaxAgeYears = 18 });

        // Act
        var violations = raised.Check(record, Facts());

        // Assert
        Assert.Empty(violations);
    }
}
