using DeinstGateway.Core.Access;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Tests.Clients;

public sealed class ClientRelationTests
{
    private static readonly DateOnly Day = new(2026, 3, 10);

    [Theory]
    [InlineData(0, null, true)]
    [InlineData(1, null, false)]
    [InlineData(-5, 1, true)]
    [InlineData(-5, 0, false)]
    [InlineData(0, 0, false)]
    public void IsActiveOn_HalfOpenValidity_IncludesTheFirstDayAndExcludesTheEnd(int fromOffset, int? toOffset, bool expected)
    {
        var relation = new ClientRelation("c", RelationKind.Responsible, "mun-madona", Day.AddDays(fromOffset), toOffset is { } to ? Day.AddDays(to) : null);

        Assert.Equal(expected, relation.IsActiveOn(Day));
    }

    [Theory]
    [InlineData(0, 5, true)]
    [InlineData(-10, -1, false)]
    [InlineData(-10, 0, true)]
    [InlineData(5, 9, false)]
    public void Overlaps_APeriod_IsTrueWhenAnyDayOfItIsInForce(int firstOffset, int lastOffset, bool expected)
    {
        var relation = new ClientRelation("c", RelationKind.Provider, "prov", Day, Day.AddDays(5));

        Assert.Equal(expected, relation.Overlaps(Day.AddDays(firstOffset), Day.AddDays(lastOffset)));
    }

    [Fact]
    public void OnAccepted_StartsTheMunicipalitysResponsibilityTodayFromTheTransfer()
    {
        var changes = ClientResponsibility.OnAccepted("c", "t", "mun-riga", Day);

        Assert.Empty(changes.Ended);
        Assert.Equal(new StartedRelation(new ClientRelation("c", RelationKind.Responsible, "mun-riga", Day, null), "t"), Assert.Single(changes.Started));
    }

    [Fact]
    public void OnCompleted_EndsEveryOtherResponsibilityAndTheTransfersProviders_AndStartsItsProvider()
    {
        var changes = ClientResponsibility.OnCompleted("c", "t", "mun-riga", "prov-x", Day);

        Assert.Equal(
            [
                new EndedRelations("c", RelationKind.Responsible, Day, KeepInstitutionCode: "mun-riga"),
                new EndedRelations("c", RelationKind.Provider, Day, StartedByTransfers: true),
            ],
            changes.Ended);
        Assert.Equal(new ClientRelation("c", RelationKind.Provider, "prov-x", Day, null), Assert.Single(changes.Started).Relation);
    }

    [Fact]
    public void OnCancelledAfterAcceptance_EndsOnlyWhatThatTransferStarted()
    {
        var changes = ClientResponsibility.OnCancelledAfterAcceptance("c", "t", Day);

        Assert.Equal(new EndedRelations("c", RelationKind.Responsible, Day, TransferId: "t"), Assert.Single(changes.Ended));
        Assert.Empty(changes.Started);
    }

    [Fact]
    public void For_GetClientByAPlanningRegion_IsResponsibilityOfTheRegionsMunicipalities()
    {
        InstitutionRef region = new("pr-zemgale", "Zemgale");
        var snapshot = new RegistrySnapshot(
            [
                Municipality("mun-bauska", region),
                Municipality("mun-dobele", region),
                Municipality("mun-riga", new InstitutionRef("pr-riga", "Rīga")),
            ],
            []);

        var scope = ClientScope.For(new Caller("pr-zemgale", InstitutionKind.PlanningRegion, "thumb", DateTimeOffset.MaxValue), Rpcs.GetClient, snapshot, Day);

        Assert.Equal(ClientScopeKind.Responsible, scope.Kind);
        Assert.Equal(["mun-bauska", "mun-dobele"], scope.InstitutionCodes.Order(StringComparer.Ordinal));
    }

    private static Institution Municipality(string code, InstitutionRef region) =>
        new(code, InstitutionKind.Municipality, code, region, null, null, null, null, null, null, null);

    [Theory]
    [InlineData("lm", InstitutionKind.Ministry, ClientScopeKind.All)]
    [InlineData("mun-madona", InstitutionKind.Municipality, ClientScopeKind.Responsible)]
    [InlineData("prov-cimdins", InstitutionKind.ServiceProvider, ClientScopeKind.Provided)]
    [InlineData("vsac-zemgale", InstitutionKind.StateCareCentre, ClientScopeKind.Sent)]
    [InlineData("vsac-zemgale-jelgava", InstitutionKind.CareCentreBranch, ClientScopeKind.Sent)]
    [InlineData("siva", InstitutionKind.Agency, ClientScopeKind.None)]
    public void For_GetClient_TakesTheScopeOfTheCallersRowOfTheMatrix(string code, InstitutionKind kind, ClientScopeKind expected)
    {
        var scope = ClientScope.For(new Caller(code, kind, "thumb", DateTimeOffset.MaxValue), Rpcs.GetClient, new RegistrySnapshot([], []), Day);

        Assert.Equal(expected, scope.Kind);
        Assert.Equal(Day, scope.On);
    }
}
