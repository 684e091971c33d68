using DeinstGateway.Server.Tests.Access;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Google.Rpc;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Capacity;

/// <summary>
/// Care institutions declare their places and residents; completing a transfer out of one lowers
/// its residents from that day on. Read back as the ministry's monitoring shows them.
/// </summary>
public sealed class OccupancyTests : IAsyncLifetime
{
    private const string Centre = "vsac-zemgale";
    private const string Branch = "vsac-zemgale-jelgava";
    private const string SisterBranch = "vsac-zemgale-iecava";

    private GatewayProcess _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayProcess.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task SetOccupancy_ByTheCentreForItsBranch_IsWhatMonitoringShows()
    {
        var declared = await Capacity(Centre).SetOccupancyAsync(Today(Branch, places: 50, residents: 40));

        Assert.Equal(("institutions/" + Centre, 50, 40), (declared.DeclaredBy.Name, declared.Places, declared.Residents));
        Assert.Equal((50L, 40L), await ThisMonthAsync(Branch));
    }

    [Fact]
    public async Task CompleteTransfer_OutOfTheBranch_LowersItsResidentsByOneAndNoOtherInstitutions()
    {
        await Capacity(Branch).SetOccupancyAsync(Today(Branch, places: 50, residents: 40));
        await Capacity(Centre).SetOccupancyAsync(Today(SisterBranch, places: 30, residents: 20));

        await CompleteTransferFromAsync(Branch);
        await CompleteTransferFromAsync(Branch);

        Assert.Equal((50L, 38L), await ThisMonthAsync(Branch));
        Assert.Equal((30L, 20L), await ThisMonthAsync(SisterBranch));
    }

    [Fact]
    public async Task CompleteTransfer_AfterAnEarlierDeclaration_WritesTodaysRowAndKeepsThePast()
    {
        // Last year's January: a month of its own whatever month today is.
        var january = new DateOnly(TestCalendar.Today.Year - 1, 1, 1);
        await SqliteFile.ExecuteAsync(_gateway.DatabasePath,
            $"INSERT INTO institution_occupancy (InstitutionCode, EffectiveFrom, Places, Residents, DeclaredByCode, DeclareTime) VALUES ('{Branch}', '{january:yyyy-MM-dd}', 60, 45, '{Branch}', '{january:yyyy-MM-dd} 08:00:00')");

        await CompleteTransferFromAsync(Branch);

        var rows = await OccupancyAsync(Branch, january, Next(TestCalendar.Today));
        Assert.Equal((60L, 45L), rows[0]);
        Assert.Equal((60L, 44L), rows[^1]);
    }

    [Fact]
    public async Task CompleteTransfer_FromABranchThatDeclaresNothing_LowersItsCentre()
    {
        await Capacity(Centre).SetOccupancyAsync(Today(Centre, places: 900, residents: 850));

        await CompleteTransferFromAsync(SisterBranch);

        Assert.Equal((900L, 849L), await ThisMonthAsync(Centre));
    }

    [Fact]
    public async Task SetOccupancy_OfAnotherCentresBranch_IsPermissionDenied()
    {
        var status = await RpcAssert.FailsWith(
            StatusCode.PermissionDenied, () => Capacity("vsac-latgale").SetOccupancyAsync(Today(Branch, 1, 1)).ResponseAsync);

        Assert.Equal("NOT_THE_INSTITUTION_OR_ITS_CENTRE", status?.GetDetail<ErrorInfo>()?.Reason);
    }

    [Fact]
    public async Task SetOccupancy_WithWrongValues_IsRefusedNamingTheField()
    {
        await RpcAssert.InvalidField("institution", () => Capacity(Centre).SetOccupancyAsync(Today("prov-cimdins", 1, 1)).ResponseAsync);
        await RpcAssert.InvalidField("residents", () => Capacity(Centre).SetOccupancyAsync(Today(Branch, 1, -1)).ResponseAsync);
        var past = Today(Branch, 1, 1);
        past.EffectiveFrom = TransferRequests.Date(TestCalendar.Today.AddDays(-1));
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Capacity(Centre).SetOccupancyAsync(past).ResponseAsync);
    }

    private static SetOccupancyRequest Today(string institution, int places, int residents)
    {
        var request = AccessWorld.Occupancy(institution);
        request.Places = places;
        request.Residents = residents;
        request.EffectiveFrom = TransferRequests.Date(TestCalendar.Today);
        return request;
    }

    private async Task CompleteTransferFromAsync(string source)
    {
        var transfers = new TransferService.TransferServiceClient(_gateway.ChannelFor("mun-jelgava"));
        var submitted = await TransferClient.CreateAsync(_gateway, source, TransferRequests.Valid(source: source, destination: "mun-jelgava"));
        var accepted = await transfers.AcceptTransferAsync(new AcceptTransferRequest { Name = submitted.Name, Etag = submitted.Etag });
        await transfers.CompleteTransferAsync(new CompleteTransferRequest { Name = accepted.Name, Etag = accepted.Etag });
    }

    private async Task<(long Places, long Residents)> ThisMonthAsync(string institution) =>
        (await OccupancyAsync(institution, new DateOnly(TestCalendar.Today.Year, TestCalendar.Today.Month, 1), Next(TestCalendar.Today))).Single();

    /// <summary>The institution's places and residents on the last day of each month from <paramref name="from"/>.</summary>
    private async Task<List<(long Places, long Residents)>> OccupancyAsync(string institution, DateOnly from, DateOnly until)
    {
        var answer = await new MonitoringService.MonitoringServiceClient(_gateway.ChannelFor("lm")).ListOccupancyAsync(new ListOccupancyRequest
        {
            Filter = new StatisticsFilter
            {
                Period = new DateRange { StartDate = TransferRequests.Date(from), EndDate = TransferRequests.Date(until) },
                Granularity = PeriodGranularity.Month,
            },
            PageSize = 1000,
        });
        return answer.Occupancy
            .Where(o => o.Institution?.Name == "institutions/" + institution)
            .OrderBy(o => o.Date.ToDateTime())
            .Select(o => (o.Places, o.Residents.Count))
            .ToList();
    }

    private static DateOnly Next(DateOnly day) => new DateOnly(day.Year, day.Month, 1).AddMonths(1);

    private CapacityService.CapacityServiceClient Capacity(string caller) => new(_gateway.ChannelFor(caller));
}
