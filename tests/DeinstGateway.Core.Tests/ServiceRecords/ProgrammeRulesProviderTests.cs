using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;
using static DeinstGateway.Core.Tests.ServiceRecords.ServiceRecordSamples;

namespace DeinstGateway.Core.Tests.ServiceRecords;

public sealed class ProgrammeRulesProviderTests
{
    [Fact]
    public void Check_ProviderOffersServiceAndIsValid_Accepted()
    {
        // Arrange
        var record = DayCare("2024-06-03", "2024-06-07");

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        Assert.Empty(violations);
    }

    [Fact]
    public void Check_ProviderNotInRegistry_ProviderUnknown()
    {
        // Arrange
        var facts = Facts() with { Provider = null };
        var record = DayCare("2024-06-03", "2024-06-07");

        // Act
        var violations = Rules.Check(record, facts);

        // Assert
        AssertCodes(violations, ServiceRecordReasons.ProviderUnknown);
    }

    [Fact]
    public void Check_ProviderWithoutTheService_DoesNotOfferService()
    {
        // Arrange
        var record = Record(ServiceType.GroupHome, Adult, "2024-06-03", "2024-06-07", 5, ServiceUnit.Places);

        // Act
        var violations = Rules.Check(record, Facts());

        // Assert
        AssertCodes(violations, ServiceRecordReasons.ProviderDoesNotOfferService);
    }

    [Theory]
    [InlineData("2024-06-03", null, true)] // valid from the first day
    [InlineData("2024-06-04", null, false)] // valid from the second day
    [InlineData(null, "2024-06-08", true)] // ends (exclusive) the day after the last day
    [InlineData(null, "2024-06-07", false)] // ends (exclusive) on the last day
    [InlineData("2024-06-04", "2024-06-06", false)]
    public void Check_ProviderValidity_MustCoverEveryDay(string? validFrom, string? validTo, bool accepted)
    {
        // Arrange
        var institution = Provider(validFrom is null ? null : Day(validFrom), validTo is null ? null : Day(validTo));
        var facts = Facts() with { Provider = OfferingProvider(institution) };
        var record = DayCare("2024-06-03", "2024-06-07");

        // Act
        var violations = Rules.Check(record, facts);

        // Assert
        if (accepted)
        {
            Assert.Empty(violations);
        }
        else
        {
            AssertCodes(violations, ServiceRecordReasons.ProviderNotValidInPeriod);
        }
    }

    [Fact]
    public void Check_FactsOfAnotherProvider_ThrowsArgumentException()
    {
        // Arrange
        var record = DayCare("2024-06-03", "2024-06-07") with { ProviderCode = "prov-cimdins" };

        // Act
        var check = () => Rules.Check(record, Facts());

        // Assert
        Assert.Throws<ArgumentException>(check);
    }
}
