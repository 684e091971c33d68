using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;
using static DeinstGateway.Core.Tests.ServiceRecords.ServiceRecordSamples;

namespace DeinstGateway.Core.Tests.ServiceRecords;

/// <summary>
/// A record belongs to a project, named by code or (ESF) by number; the project admits its funding
/// source and its period (Zemgale: 2015-07-01 – 2022-12-31). Records are a child's respite care by
/// a provider in today's Bauska (Zemgale region) unless a test says otherwise.
/// </summary>
public sealed class ProgrammeRulesFundingTests
{
    [Theory]
    [InlineData("2015-07-01", "2015-07-31")]
    [InlineData("2022-12-01", "2022-12-31")]
    public void Check_EsfRecordInsideProjectPeriod_Accepted(string firstDay, string lastDay)
    {
        // Arrange
        var record = EsfFunded(Respite(Child, firstDay, lastDay, days: 1), ZemgaleProject);

        // Act
        var violations = Rules.Check(record, InZemgale());

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
        var record = EsfFunded(Respite(Child, firstDay, lastDay, days: 1), ZemgaleProject);

        // Act
        var violations = Rules.Check(record, InZemgale());

        // Assert
        Assert.Contains(ServiceRecordReasons.EsfOutsideProjectPeriod, violations.Select(v => v.Code));
        Assert.DoesNotContain(violations, v => v.Code.StartsWith("RESPITE", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_EsfProjectNumberNotKnown_ProjectUnknown()
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
    public void Check_OtherFundingOutsideAnyProject_AcceptedUnderNoProject(FundingSource source)
    {
        // Arrange
        var record = DayCare("2024-06-03", "2024-06-07") with { FundingSource = source };

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        Assert.Empty(violations);
        Assert.Equal(Project.NoProjectCode, Rules.ProjectOf(record).Code);
    }

    [Fact]
    public void Check_OtherFundingNamingAProjectNumber_ProjectCodeNotExpected()
    {
        // Arrange
        var record = DayCare("2020-03-02", "2020-03-06") with { FundingSource = FundingSource.StateBudget, EsfProjectCode = ZemgaleProject };

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, ServiceRecordReasons.EsfProjectCodeNotExpected);
    }

    [Fact]
    public void Check_ProjectNamedByCode_JudgedByThatProject()
    {
        // Arrange
        var record = Respite(Child, "2020-03-02", "2020-03-06", days: 5) with { FundingSource = FundingSource.EsfProject, ProjectCode = "esf-zemgale" };

        // Act
        var violations = Rules.Check(record, InZemgale());

        // Assert
        Assert.Empty(violations);
        Assert.Equal(ZemgaleProject, Rules.ProjectOf(record).Number);
    }

    [Fact]
    public void Check_ProjectCodeAndNumberOfDifferentProjects_DoesNotMatch()
    {
        // Arrange
        var record = EsfFunded(Respite(Child, "2020-03-02", "2020-03-06", days: 5), ZemgaleProject) with { ProjectCode = "esf-riga" };

        // Act
        var violations = Rules.Check(record, InZemgale());

        // Assert
        AssertCodes(violations, ServiceRecordReasons.EsfProjectCodeDoesNotMatchProject);
    }

    [Fact]
    public void Check_ProjectCodeNotKnown_ProjectUnknown()
    {
        // Arrange
        var record = DayCare("2020-03-02", "2020-03-06") with { ProjectCode = "esf-latvija" };

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, ServiceRecordReasons.ProjectUnknown);
    }

    [Theory]
    [InlineData("none", FundingSource.EsfProject)]
    [InlineData("esf-zemgale", FundingSource.MunicipalBudget)]
    [InlineData("ib-pilot", FundingSource.StateBudget)]
    public void Check_FundingSourceTheProjectDoesNotAdmit_FundingSourceNotInProject(string project, FundingSource source)
    {
        // Arrange
        var record = Respite(Child, "2020-03-02", "2020-03-06", days: 5) with { FundingSource = source, ProjectCode = project };

        // Act
        var violations = Rules.Check(record, InZemgale());

        // Assert
        Assert.Contains(ServiceRecordReasons.FundingSourceNotInProject, violations.Select(v => v.Code));
    }

    [Theory]
    [InlineData("esf-kurzeme", "mun-kuldiga", "pr-kurzeme")]
    [InlineData("esf-vidzeme", "mun-madona", "pr-vidzeme")]
    [InlineData("esf-riga", "mun-riga", "pr-riga")]
    [InlineData("esf-latgale", "mun-ludza", "pr-latgale")]
    public void Check_RegionalProjectWithUnknownDetails_AcceptedUnderTheGeneralRules(string project, string municipality, string region)
    {
        // Arrange
        var record = DayCare("2020-03-02", "2020-03-06") with { FundingSource = FundingSource.EsfProject, ProjectCode = project };
        var facts = Facts() with { Provider = OfferingProvider(null, municipality, region) };

        // Act
        var violations = Rules.Check(record, facts);

        // Assert
        Assert.Empty(violations);
    }

    private static ProgrammeFacts InZemgale() => Facts() with { Provider = OfferingProvider(null, "mun-bauska", "mun-pre2021-vecumnieki", "pr-zemgale") };

    private static ServiceRecordCandidate EsfFunded(ServiceRecordCandidate record, string? projectCode) =>
        record with { FundingSource = FundingSource.EsfProject, EsfProjectCode = projectCode };
}
