using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Capacity;

/// <summary>Declared places with history, counts on a day, roll-ups and scopes; on a gateway of its own.</summary>
public sealed class CapacityTests : IAsyncLifetime
{
    private const string Workshop = "prov-demo-jelgava-workshop";
    private const string GroupHome = "prov-demo-madona-group-home";
    private static readonly DateOnly Today = TestCalendar.Today;
    private GatewayProcess _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayProcess.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task SetCapacity_ByTheProviderFromToday_IsWhatTheQueryShows()
    {
        var declared = await Capacity(Workshop).SetCapacityAsync(Declare(Workshop, ServiceType.SpecialisedWorkshop, 20, Today));
        var report = await Capacity(Workshop).QueryCapacityAsync(new QueryCapacityRequest { ServiceType = ServiceType.SpecialisedWorkshop });

        Assert.Equal("institutions/" + Workshop, declared.DeclaredBy.Name);
        var row = Assert.Single(report.Rows);
        Assert.Equal((20, 0, 0, 20), (row.Counts.Total, row.Counts.Occupied, row.Counts.Reserved, row.Counts.Free));
        Assert.Equal("institutions/mun-jelgava", row.Municipality.Name);
        Assert.Equal("institutions/pr-zemgale", row.PlanningRegion.Name);
    }

    // A gateway keeps the places it read; a database put back to an earlier copy must not leave it showing later ones.
    [Fact]
    public async Task QueryCapacity_AfterTheDatabaseIsPutBackToBeforeADeclaration_ShowsThePlacesOfThatTime()
    {
        var query = new QueryCapacityRequest { Provider = "institutions/" + Workshop, ServiceType = ServiceType.SpecialisedWorkshop };
        var before = (await Capacity(Workshop).QueryCapacityAsync(query)).Total.Total;
        await Capacity(Workshop).SetCapacityAsync(Declare(Workshop, ServiceType.SpecialisedWorkshop, before + 5, Today));
        var declared = (await Capacity(Workshop).QueryCapacityAsync(query)).Total.Total;

        await SqliteFile.ExecuteAsync(_gateway.DatabasePath,
            "DELETE FROM capacity_declarations WHERE DeclaredByCode IS NOT NULL;"
            + "DELETE FROM capacity_changes WHERE Sequence = (SELECT MAX(Sequence) FROM capacity_changes);");
        var restored = (await Capacity(Workshop).QueryCapacityAsync(query)).Total.Total;

        Assert.Equal((before + 5, before), (declared, restored));
    }

    [Fact]
    public async Task SetCapacity_FromALaterDate_LeavesTodayAsItWasAndCountsFromThatDate()
    {
        var later = Today.AddDays(10);

        await Capacity("mun-jelgava").SetCapacityAsync(Declare(Workshop, ServiceType.DayCareCentreAdults, 30, later));
        var today = await Capacity("lm").QueryCapacityAsync(Query(Workshop, ServiceType.DayCareCentreAdults, Today));
        var dayBefore = await Capacity("lm").QueryCapacityAsync(Query(Workshop, ServiceType.DayCareCentreAdults, later.AddDays(-1)));
        var fromThen = await Capacity("lm").QueryCapacityAsync(Query(Workshop, ServiceType.DayCareCentreAdults, later));

        Assert.Equal(12, today.Total.Total);
        Assert.Equal(12, dayBefore.Total.Total);
        Assert.Equal(30, fromThen.Total.Total);
    }

    [Fact]
    public async Task SetCapacity_ForADayThatHasBegun_IsFailedPrecondition() =>
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => Capacity(Workshop).SetCapacityAsync(Declare(Workshop, ServiceType.SpecialisedWorkshop, 5, Today.AddDays(-1))).ResponseAsync);

    [Theory]
    [InlineData("mun-bauska")]
    [InlineData("prov-cimdins")]
    [InlineData("vsac-zemgale")]
    [InlineData("pr-zemgale")]
    public async Task SetCapacity_ByAnyoneButTheProviderOrItsMunicipality_IsPermissionDenied(string caller) =>
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Capacity(caller).SetCapacityAsync(Declare(Workshop, ServiceType.SpecialisedWorkshop, 5, Today)).ResponseAsync);

    [Theory]
    [InlineData("service_type", ServiceType.RespiteCare, 5)]
    [InlineData("service_type", ServiceType.Unspecified, 5)]
    [InlineData("places", ServiceType.SpecialisedWorkshop, -1)]
    [InlineData("places", ServiceType.SpecialisedWorkshop, 10_001)]
    public async Task SetCapacity_InvalidValue_IsInvalidArgumentOnThatField(string field, ServiceType service, int places) =>
        await RpcAssert.InvalidField(field, () => Capacity(Workshop).SetCapacityAsync(Declare(Workshop, service, places, Today)).ResponseAsync);

    [Fact]
    public async Task QueryCapacity_AfterHandovers_CountsOccupiedAndReservedAndRollsUpExactly()
    {
        await Capacity(GroupHome).SetCapacityAsync(Declare(GroupHome, ServiceType.GroupHome, 5, Today));
        var moving = await NewTransferAsync(GroupHome, "mun-madona", ServiceType.GroupHome);
        var waiting = await NewTransferAsync(GroupHome, "mun-madona", ServiceType.GroupHome);
        var workshopBound = await NewTransferAsync(Workshop, "mun-jelgava", ServiceType.SpecialisedWorkshop);
        var accepted = await Transfers("mun-madona").AcceptTransferAsync(new AcceptTransferRequest { Name = moving.Name, Etag = moving.Etag });
        await Transfers("mun-madona").CompleteTransferAsync(new CompleteTransferRequest { Name = moving.Name, Etag = accepted.Etag });
        await Transfers("mun-madona").AcceptTransferAsync(new AcceptTransferRequest { Name = waiting.Name, Etag = waiting.Etag });
        await Transfers("mun-jelgava").AcceptTransferAsync(new AcceptTransferRequest { Name = workshopBound.Name, Etag = workshopBound.Etag });

        var report = await Capacity("lm").QueryCapacityAsync(new QueryCapacityRequest());
        var tomorrow = await Capacity("lm").QueryCapacityAsync(new QueryCapacityRequest { Date = TransferRequests.Date(Today.AddDays(1)) });

        // Today reads the live counters, another day replays the transfers' history: they must agree.
        Assert.Equal(
            report.Rows.Select(r => (r.Provider.Name, r.ServiceType, r.Counts.Occupied, r.Counts.Reserved)),
            tomorrow.Rows.Select(r => (r.Provider.Name, r.ServiceType, r.Counts.Occupied, r.Counts.Reserved)));
        var groupHome = report.Rows.Single(r => r.Provider.Name == "institutions/" + GroupHome && r.ServiceType == ServiceType.GroupHome);
        Assert.Equal((5, 1, 1, 3), (groupHome.Counts.Total, groupHome.Counts.Occupied, groupHome.Counts.Reserved, groupHome.Counts.Free));
        var workshop = report.Rows.Single(r => r.Provider.Name == "institutions/" + Workshop && r.ServiceType == ServiceType.SpecialisedWorkshop);
        Assert.Equal((15, 0, 1, 14), (workshop.Counts.Total, workshop.Counts.Occupied, workshop.Counts.Reserved, workshop.Counts.Free));
        AssertRollUpsAreSumsOfRows(report);
    }

    [Fact]
    public async Task QueryCapacity_ForYesterday_DoesNotCountAHandoverOfToday()
    {
        var transfer = await NewTransferAsync(Workshop, "mun-jelgava", ServiceType.SpecialisedWorkshop);
        await Transfers("mun-jelgava").AcceptTransferAsync(new AcceptTransferRequest { Name = transfer.Name, Etag = transfer.Etag });

        var today = await Capacity("mun-jelgava").QueryCapacityAsync(Query(Workshop, ServiceType.SpecialisedWorkshop, Today));
        var yesterday = await Capacity("mun-jelgava").QueryCapacityAsync(Query(Workshop, ServiceType.SpecialisedWorkshop, Today.AddDays(-1)));

        Assert.Equal(1, today.Total.Reserved);
        Assert.Equal(0, yesterday.Total.Reserved);
        Assert.Equal(15, yesterday.Total.Total);
    }

    [Fact]
    public async Task QueryCapacity_WhenFewerPlacesAreDeclaredThanTaken_FreeIsZeroNotNegative()
    {
        await Capacity(GroupHome).SetCapacityAsync(Declare(GroupHome, ServiceType.GroupHome, 1, Today));
        var transfer = await NewTransferAsync(GroupHome, "mun-madona", ServiceType.GroupHome);
        await Transfers("mun-madona").AcceptTransferAsync(new AcceptTransferRequest { Name = transfer.Name, Etag = transfer.Etag });
        await Capacity(GroupHome).SetCapacityAsync(Declare(GroupHome, ServiceType.GroupHome, 0, Today));
        var next = await NewTransferAsync(GroupHome, "mun-madona", ServiceType.GroupHome);

        var report = await Capacity("pr-vidzeme").QueryCapacityAsync(Query(GroupHome, ServiceType.GroupHome, Today));
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Transfers("mun-madona")
            .AcceptTransferAsync(new AcceptTransferRequest { Name = next.Name, Etag = next.Etag }).ResponseAsync);

        Assert.Equal((0, 1, 0), (report.Total.Total, report.Total.Reserved, report.Total.Free));
    }

    [Theory]
    [InlineData("pr-zemgale", new[] { Workshop })]
    [InlineData("pr-vidzeme", new[] { GroupHome })]
    [InlineData("mun-jelgava", new[] { Workshop })]
    [InlineData("mun-riga", new string[0])]
    [InlineData("prov-cimdins", new[] { "prov-cimdins" })]
    [InlineData("lm", new[] { "prov-cimdins", GroupHome, Workshop })]
    public async Task QueryCapacity_ForEachKindOfInstitution_ShowsExactlyItsScope(string caller, string[] providers)
    {
        var report = await Capacity(caller).QueryCapacityAsync(new QueryCapacityRequest());

        Assert.Equal(providers.Select(p => "institutions/" + p).Order(StringComparer.Ordinal), report.Rows.Select(r => r.Provider.Name).Distinct());
    }

    [Theory]
    [InlineData("pr-zemgale", "planning_region", "pr-kurzeme")]
    [InlineData("mun-jelgava", "provider", GroupHome)]
    [InlineData("prov-cimdins", "municipality", "mun-jelgava")]
    public async Task QueryCapacity_NamingSomethingOutsideTheScope_IsPermissionDenied(string caller, string field, string code) =>
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Capacity(caller).QueryCapacityAsync(Filter(field, code)).ResponseAsync);

    [Theory]
    [InlineData("vsac-zemgale")]
    [InlineData("siva")]
    public async Task QueryCapacity_ByAnInstitutionThatDoesNotPlanPlaces_IsPermissionDenied(string caller) =>
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Capacity(caller).QueryCapacityAsync(new QueryCapacityRequest()).ResponseAsync);

    private static void AssertRollUpsAreSumsOfRows(QueryCapacityResponse report)
    {
        static (int, int, int, int) Sum(IEnumerable<PlaceCounts> counts) => counts.Aggregate(
            (0, 0, 0, 0), (s, c) => (s.Item1 + c.Total, s.Item2 + c.Occupied, s.Item3 + c.Reserved, s.Item4 + c.Free));
        static (int, int, int, int) Of(PlaceCounts c) => (c.Total, c.Occupied, c.Reserved, c.Free);

        var byMunicipality = report.Rows.GroupBy(r => (r.Municipality.Name, r.ServiceType)).ToDictionary(g => g.Key, g => Sum(g.Select(r => r.Counts)));
        var byRegion = report.Rows.GroupBy(r => (r.PlanningRegion.Name, r.ServiceType)).ToDictionary(g => g.Key, g => Sum(g.Select(r => r.Counts)));
        Assert.Equal(byMunicipality, report.Municipalities.ToDictionary(m => (m.Institution.Name, m.ServiceType), m => Of(m.Counts)));
        Assert.Equal(byRegion, report.PlanningRegions.ToDictionary(m => (m.Institution.Name, m.ServiceType), m => Of(m.Counts)));
        Assert.Equal(Sum(report.Rows.Select(r => r.Counts)), Of(report.Total));
        Assert.All(report.Rows, r => Assert.True(r.Counts.Free >= 0));
    }

    private async Task<Transfer> NewTransferAsync(string provider, string municipality, ServiceType service) =>
        await TransferClient.CreateAsync(_gateway, "vsac-zemgale",
            TransferRequests.Valid(source: "vsac-zemgale", destination: municipality, provider: provider, service: service));

    private static SetCapacityRequest Declare(string provider, ServiceType service, int places, DateOnly from) => new()
    {
        Provider = "institutions/" + provider,
        ServiceType = service,
        Places = places,
        EffectiveFrom = TransferRequests.Date(from),
    };

    private static QueryCapacityRequest Query(string provider, ServiceType service, DateOnly date) => new()
    {
        Provider = "institutions/" + provider,
        ServiceType = service,
        Date = TransferRequests.Date(date),
    };

    private static QueryCapacityRequest Filter(string field, string code) => field switch
    {
        "planning_region" => new QueryCapacityRequest { PlanningRegion = "institutions/" + code },
        "municipality" => new QueryCapacityRequest { Municipality = "institutions/" + code },
        _ => new QueryCapacityRequest { Provider = "institutions/" + code },
    };

    private CapacityService.CapacityServiceClient Capacity(string caller) => new(_gateway.ChannelFor(caller));

    private TransferService.TransferServiceClient Transfers(string caller) => new(_gateway.ChannelFor(caller));
}
