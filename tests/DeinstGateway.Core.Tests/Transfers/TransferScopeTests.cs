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
}
