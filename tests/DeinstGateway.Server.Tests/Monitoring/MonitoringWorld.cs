using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Monitoring;

/// <summary>One published figure of a statistic, in the tests' own terms; <see cref="Count"/> null when withheld.</summary>
public sealed record Published(PeriodGranularity Level, DateOnly Period, string Region, string Area, string Key, long? Count, long Quantity = 0, long Cents = 0);

/// <summary>
/// A gateway holding <see cref="MonitoringData"/>, plan targets for two regions, and a few transfers
/// and a client made through the gateway with real personal codes (dated outside the generated
/// years), whose codes, names and ids no monitoring answer may contain.
/// </summary>
public sealed class MonitoringWorld : IAsyncLifetime
{
    private GatewayProcess? _gateway;

    public GatewayProcess Gateway => _gateway ?? throw new InvalidOperationException("The world has not been built.");

    public MonitoringData Data { get; } = new();

    /// <summary>Personal codes, names and client ids of the people made through the gateway.</summary>
    public List<string> PersonalValues { get; } = [];

    public async Task InitializeAsync()
    {
        var databasePath = GatewayProcess.NewDatabasePath();
        var targets = Path.Combine(Path.GetDirectoryName(databasePath)!, "plan-targets.json");
        Directory.CreateDirectory(Path.GetDirectoryName(targets)!);
        await File.WriteAllTextAsync(targets, """
            {
              "version": "test",
              "targets": [
                { "planningRegion": "pr-zemgale", "targetGroup": "AdultWithIntellectualOrMentalDisability", "year": 2025, "completedTransfers": 120, "source": "test" },
                { "planningRegion": "pr-riga", "targetGroup": "ChildInOutOfFamilyCare", "year": 2024, "completedTransfers": 9, "source": "test" },
                { "planningRegion": "pr-kurzeme", "targetGroup": "ChildWithFunctionalImpairment", "year": 2025, "completedTransfers": 5, "source": "test" }
              ]
            }
            """);
        _gateway = await GatewayProcess.StartAsync(databasePath, "Monitoring:PlanTargetsPath=" + targets);
        await Data.WriteAsync(Gateway.Services);

        var transfers = new TransferService.TransferServiceClient(Gateway.ChannelFor("mun-jelgava"));
        for (var i = 0; i < 3; i++)
        {
            var request = TransferRequests.Valid(source: "vsac-zemgale-jelgava", destination: "mun-jelgava");
            var transfer = await TransferClient.CreateAsync(Gateway, "vsac-zemgale-jelgava", request);
            var accepted = await transfers.AcceptTransferAsync(new AcceptTransferRequest { Name = transfer.Name, Etag = transfer.Etag });
            await transfers.CompleteTransferAsync(new CompleteTransferRequest { Name = accepted.Name, Etag = accepted.Etag });
            PersonalValues.AddRange([request.Transfer.Person.PersonalCode, request.Transfer.Person.GivenName, request.Transfer.Person.FamilyName, transfer.Client["clients/".Length..]]);
        }
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }

    public MonitoringService.MonitoringServiceClient Monitoring(string caller) => new(Gateway.ChannelFor(caller));

    public static StatisticsFilter Filter(PeriodGranularity granularity, DateOnly? from = null, DateOnly? until = null, string region = "", string municipality = "") => new()
    {
        Period = new DateRange { StartDate = TransferRequests.Date(from ?? MonitoringData.From), EndDate = TransferRequests.Date(until ?? MonitoringData.Until) },
        Granularity = granularity,
        PlanningRegion = region.Length > 0 ? "institutions/" + region : string.Empty,
        Municipality = municipality.Length > 0 ? "institutions/" + municipality : string.Empty,
    };

    public async Task<List<Published>> TransferCountsAsync(string caller, StatisticsFilter filter, int pageSize = 1000) =>
        await AllPagesAsync(async token =>
        {
            var page = await Monitoring(caller).ListTransferCountsAsync(new ListTransferCountsRequest { Filter = filter, PageSize = pageSize, PageToken = token });
            return (page.Counts.Select(c => Row(filter, c.PeriodStart, c.Area, TransferKey(c.TargetGroup, c.State, c.RejectionReason), c.Transfers)), page.NextPageToken);
        });

    public async Task<List<Published>> AssessmentCountsAsync(string caller, StatisticsFilter filter) =>
        await AllPagesAsync(async token =>
        {
            var page = await Monitoring(caller).ListAssessmentCountsAsync(new ListAssessmentCountsRequest { Filter = filter, PageSize = 1000, PageToken = token });
            return (page.Counts.Select(c => Row(filter, c.PeriodStart, c.Area, c.Outcome.ToString(), c.Assessments)), page.NextPageToken);
        });

    public async Task<List<Published>> SupportPlanCountsAsync(string caller, StatisticsFilter filter) =>
        await AllPagesAsync(async token =>
        {
            var page = await Monitoring(caller).ListSupportPlanCountsAsync(new ListSupportPlanCountsRequest { Filter = filter, PageSize = 1000, PageToken = token });
            return (page.Counts.Select(c => Row(filter, c.Date, c.Area, c.TargetGroup.ToString(), c.ClientsWithValidPlan)), page.NextPageToken);
        });

    public async Task<List<Published>> ServiceVolumesAsync(string caller, StatisticsFilter filter) =>
        await AllPagesAsync(async token =>
        {
            var page = await Monitoring(caller).ListServiceVolumesAsync(new ListServiceVolumesRequest { Filter = filter, PageSize = 1000, PageToken = token });
            return (page.Volumes.Select(v => Row(filter, v.PeriodStart, v.Area, ServiceKey(v.Project, v.ServiceType, v.Unit), v.Records) with
            {
                Quantity = v.Quantity,
                Cents = v.Cost?.EuroCents ?? 0,
            }), page.NextPageToken);
        });

    public async Task<List<Published>> OccupancyAsync(string caller, StatisticsFilter filter) =>
        await AllPagesAsync(async token =>
        {
            var page = await Monitoring(caller).ListOccupancyAsync(new ListOccupancyRequest { Filter = filter, PageSize = 1000, PageToken = token });
            return (page.Occupancy.Select(o => new Published(
                filter.Granularity, ToDate(o.Date), Code(o.PlanningRegion), Code(o.Institution), "residents",
                o.Residents.ValueCase == SuppressibleCount.ValueOneofCase.Count ? o.Residents.Count : null, o.Places)), page.NextPageToken);
        });

    public static string TransferKey(TargetGroup group, TransferState state, RejectionReason reason) =>
        reason == RejectionReason.Unspecified ? $"{group}/{state}" : $"{group}/{state}/{reason}";

    public static string ServiceKey(string project, ServiceType service, ServiceUnit unit) => $"{project}/{service}/{unit}";

    public static DateOnly ToDate(Google.Type.Date date) => new(date.Year, date.Month, date.Day);

    public static string Code(InstitutionReference? reference) => reference is null ? string.Empty : reference.Name["institutions/".Length..];

    /// <summary>Every page, checking that pages follow each other without repeating a row.</summary>
    private static async Task<List<Published>> AllPagesAsync(Func<string, Task<(IEnumerable<Published> Rows, string Next)>> page)
    {
        var rows = new List<Published>();
        var token = string.Empty;
        do
        {
            (var items, token) = await page(token);
            rows.AddRange(items);
        }
        while (token.Length > 0);

        Assert.Equal(rows.Count, rows.Select(r => (r.Period, r.Region, r.Area, r.Key)).Distinct().Count());
        return rows;
    }

    private static Published Row(StatisticsFilter filter, Google.Type.Date period, StatisticsArea area, string key, SuppressibleCount count) => new(
        filter.Granularity, ToDate(period), Code(area.PlanningRegion), Code(area.Municipality), key,
        count.ValueCase == SuppressibleCount.ValueOneofCase.Count ? count.Count : null);
}

[CollectionDefinition(Name)]
public sealed class MonitoringCollection : ICollectionFixture<MonitoringWorld>
{
    public const string Name = "Monitoring world";
}
