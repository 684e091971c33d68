using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Transfers;

namespace DeinstGateway.Core.Tests.Transfers;

public sealed class TransferScopeTests
{
    [Theory]
    [InlineData(InstitutionKind.Ministry, TransferScopeKind.All, false)]
    [InlineData(InstitutionKind.PlanningRegion, TransferScopeKind.DestinationRegion, false)]
    [InlineData(InstitutionKind.Municipality, TransferScopeKind.DestinationMunicipality, true)]
    [InlineData(InstitutionKind.StateCareCentre, TransferScopeKind.Source, true)]
    [InlineData(InstitutionKind.CareCentreBranch, TransferScopeKind.Source, true)]
    [InlineData(InstitutionKind.ChildCareInstitution, TransferScopeKind.Source, true)]
    [InlineData(InstitutionKind.ServiceProvider, TransferScopeKind.None, false)]
    [InlineData(InstitutionKind.Agency, TransferScopeKind.None, false)]
    public void For_InstitutionKind_GivesScopeAndPersonalDataAccess(
        InstitutionKind kind, TransferScopeKind expectedKind, bool expectedSeesPersonalData)
    {
        // Arrange
        var caller = TransferSamples.Caller("some-institution", kind);

        // Act
        var scope = TransferScope.For(caller);

        // Assert
        Assert.Equal(expectedKind, scope.Kind);
        Assert.Equal(expectedSeesPersonalData, scope.SeesPersonalData);
        Assert.Equal("some-institution", scope.InstitutionCode);
    }

    [Fact]
    public void For_EveryInstitutionKind_IsCovered()
    {
        // Act
        var kinds = Enum.GetValues<InstitutionKind>();

        // Assert
        // The theory above lists eight kinds; a new kind must be given its scope deliberately.
        Assert.Equal(8, kinds.Length);
    }

    [Theory]
    // The ministry sees everything.
    [InlineData("lm", InstitutionKind.Ministry, "vsac-latgale-kalkuni", "vsac-latgale", "mun-madona", "pr-vidzeme", true)]
    // A planning region sees transfers into its municipalities only.
    [InlineData("pr-zemgale", InstitutionKind.PlanningRegion, "vsac-zemgale-jelgava", "vsac-zemgale", "mun-jelgava", "pr-zemgale", true)]
    [InlineData("pr-zemgale", InstitutionKind.PlanningRegion, "vsac-zemgale-jelgava", "vsac-zemgale", "mun-madona", "pr-vidzeme", false)]
    [InlineData("pr-zemgale", InstitutionKind.PlanningRegion, "vsac-zemgale-jelgava", "vsac-zemgale", "mun-jelgava", null, false)]
    // A municipality sees transfers addressed to it, not those it merely lies near.
    [InlineData("mun-jelgava", InstitutionKind.Municipality, "vsac-zemgale-jelgava", "vsac-zemgale", "mun-jelgava", "pr-zemgale", true)]
    [InlineData("mun-jelgava", InstitutionKind.Municipality, "vsac-zemgale-jelgava", "vsac-zemgale", "mun-madona", "pr-vidzeme", false)]
    // A centre sees its own and its branches' transfers.
    [InlineData("vsac-zemgale", InstitutionKind.StateCareCentre, "vsac-zemgale", null, "mun-jelgava", "pr-zemgale", true)]
    [InlineData("vsac-zemgale", InstitutionKind.StateCareCentre, "vsac-zemgale-jelgava", "vsac-zemgale", "mun-jelgava", "pr-zemgale", true)]
    [InlineData("vsac-zemgale", InstitutionKind.StateCareCentre, "vsac-latgale-kalkuni", "vsac-latgale", "mun-jelgava", "pr-zemgale", false)]
    // A branch sees its own transfers, not its sibling's nor its centre's.
    [InlineData("vsac-zemgale-jelgava", InstitutionKind.CareCentreBranch, "vsac-zemgale-jelgava", "vsac-zemgale", "mun-jelgava", "pr-zemgale", true)]
    [InlineData("vsac-zemgale-jelgava", InstitutionKind.CareCentreBranch, "vsac-zemgale-iecava", "vsac-zemgale", "mun-jelgava", "pr-zemgale", false)]
    [InlineData("vsac-zemgale-jelgava", InstitutionKind.CareCentreBranch, "vsac-zemgale", null, "mun-jelgava", "pr-zemgale", false)]
    // A child-care institution sees its own transfers.
    [InlineData("bsac-jelgava", InstitutionKind.ChildCareInstitution, "bsac-jelgava", null, "mun-jelgava", "pr-zemgale", true)]
    [InlineData("bsac-jelgava", InstitutionKind.ChildCareInstitution, "vsac-zemgale-jelgava", "vsac-zemgale", "mun-jelgava", "pr-zemgale", false)]
    // Providers and agencies see none, even the transfers that name them.
    [InlineData("prov-x", InstitutionKind.ServiceProvider, "vsac-zemgale-jelgava", "vsac-zemgale", "mun-jelgava", "pr-zemgale", false)]
    [InlineData("siva", InstitutionKind.Agency, "vsac-zemgale-jelgava", "vsac-zemgale", "mun-jelgava", "pr-zemgale", false)]
    public void Includes_TransferRoutedThisWay_MatchesTheCallersScope(
        string callerCode,
        InstitutionKind callerKind,
        string sourceCode,
        string? sourceParentCode,
        string destinationMunicipalityCode,
        string? destinationRegionCode,
        bool expected)
    {
        // Arrange
        var scope = TransferScope.For(TransferSamples.Caller(callerCode, callerKind));
        var transfer = TransferSamples.Transfer(
            sourceCode: sourceCode,
            sourceParentCode: sourceParentCode,
            destinationMunicipalityCode: destinationMunicipalityCode,
            destinationRegionCode: destinationRegionCode);

        // Act
        var included = scope.Includes(transfer);

        // Assert
        Assert.Equal(expected, included);
    }

    [Fact]
    public void Includes_ProviderNamedAsDestinationProvider_StillNotIncluded()
    {
        // Arrange
        var scope = TransferScope.For(TransferSamples.Caller("prov-x", InstitutionKind.ServiceProvider));
        var transfer = TransferSamples.Transfer() with { DestinationProviderCode = "prov-x" };

        // Act
        var included = scope.Includes(transfer);

        // Assert
        Assert.False(included);
    }
}
