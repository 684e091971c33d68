using DeinstGateway.Core.ServiceRecords;
using static DeinstGateway.Core.Tests.ServiceRecords.ServiceRecordSamples;

namespace DeinstGateway.Core.Tests.ServiceRecords;

/// <summary>ESF-funded records name a known project and fall inside its period (Zemgale: 2015-07-01 – 2022-12-31).</summary>
public sealed class ProgrammeRulesFundingTests
{
    [Theory]
    [InlineData("2015-07-01", "2015-07-31")]
    [InlineData("2022-12-01", "2022-12-31")]
    [InlineData("2015-07-01", "2022-12-31")]
    public void Check_EsfRecordInsideProjectPeriod_Accepted(string firstDay, string lastDay)
    {
        // Arrange
        var record = EsfFunded(DayCare(firstDay, lastDay), ZemgaleProject);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        Assert.Empty(violations);
    }

    [Theory]
    [InlineData("2015-06-30", "2015-06-30")] // the day before the project
    [InlineData("2015-06-30", "2015-07-10")] // starts the day before the project
    [InlineData("2022-12-31", "2023-01-01")] // ends the day after the project
    [InlineData("2023-01-01", "2023-01-31")]
    public void Check_EsfRecordOutsideProjectPeriod_OutsideProjectPeriod(string firstDay, string lastDay)
    {
        // Arrange
        var record = EsfFunded(DayCare(firstDay, lastDay), ZemgaleProject);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, ServiceRecordReasons.EsfOutsideProjectPeriod);
    }

    [Fact]
    public void Check_EsfProjectNotKnown_ProjectUnknown()
    {
        // Arrange
        var record = EsfFunded(DayCare("2020-03-02", "2020-03-06"), "9.2.2.1/15/I/099");

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, ServiceRecordReasons.EsfProjectUnknown);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Check_EsfRecordWithoutProject_ProjectCodeMissing(string? projectCode)
    {
        // Arrange
        var record = EsfFunded(DayCare("2020-03-02", "2020-03-06"), projectCode);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, ServiceRecordReasons.EsfProjectCodeMissing);
    }

    [Theory]
    [InlineData(FundingSource.StateBudget)]
    [InlineData(FundingSource.MunicipalBudget)]
    [InlineData(FundingSource.IndividualBudget)]
    public void Check_OtherFundingOutsideAnyProject_Accepted(FundingSource source)
    {
        // Arrange
        var record = DayCare("2024-06-03", "2024-06-07") with { FundingSource = source };

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        Assert.Empty(violations);
    }

    [Fact]
    public void Check_OtherFundingNamingAProject_ProjectCodeNotExpected()
    {
        // Arrange
        var record = DayCare("2020-03-02", "2020-03-06") with { FundingSource = FundingSource.StateBudget, EsfProjectCode = ZemgaleProject };

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, ServiceRecordReasons.EsfProjectCodeNotExpected);
    }

    private static ServiceRecordCandidate EsfFunded(ServiceRecordCandidate record, string? projectCode) =>
        record with { FundingSource = FundingSource.EsfProject, EsfProjectCode = projectCode };
}
