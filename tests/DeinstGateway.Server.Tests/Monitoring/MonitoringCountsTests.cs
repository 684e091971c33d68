using Deinst.V1;
using CoreTargetGroup = DeinstGateway.Core.Clients.TargetGroup;

namespace DeinstGateway.Server.Tests.Monitoring;

/// <summary>
/// Every monitoring aggregate, as the ministry sees it nationwide, against the tests' own count of
/// the generated records: each shown figure equals it, each withheld one hides a non-zero count,
/// no shown count is 1 to 4, and no sum the answers show misses only one withheld part.
/// </summary>
[Collection(MonitoringCollection.Name)]
public sealed class MonitoringCountsTests(MonitoringWorld world)
{
    public static TheoryData<PeriodGranularity> Granularities => new() { PeriodGranularity.Month, PeriodGranularity.Quarter, PeriodGranularity.Year };

    [Theory]
    [MemberData(nameof(Granularities))]
    public async Task ListTransferCounts_OverGeneratedTransfers_MatchesAnIndependentCount(PeriodGranularity granularity)
    {
        var rows = await world.TransferCountsAsync("lm", MonitoringWorld.Filter(granularity));

        AssertMatches(Expected.Transfers(world.Data, granularity), rows);
    }

    [Theory]
    [MemberData(nameof(Granularities))]
    public async Task ListAssessmentCounts_OverGeneratedAssessments_MatchesAnIndependentCount(PeriodGranularity granularity)
    {
        var rows = await world.AssessmentCountsAsync("lm", MonitoringWorld.Filter(granularity));

        AssertMatches(Expected.Assessments(world.Data, granularity), rows);
    }

    [Theory]
    [MemberData(nameof(Granularities))]
    public async Task ListServiceVolumes_OverGeneratedRecords_MatchesAnIndependentSumAndHidesWithheldAmounts(PeriodGranularity granularity)
    {
        var rows = await world.ServiceVolumesAsync("lm", MonitoringWorld.Filter(granularity));

        var expected = Expected.Services(world.Data, granularity);
        AssertMatches(expected, rows);
        Assert.All(rows, r => Assert.Equal(
            r.Count is null ? (0L, 0L) : (expected[(r.Period, r.Region, r.Area, r.Key)].Quantity, expected[(r.Period, r.Region, r.Area, r.Key)].Cents),
            (r.Quantity, r.Cents)));
    }

    [Fact]
    public async Task ListServiceVolumes_ACellOfManyRecordsForFewClients_IsWithheld()
    {
        var rows = await world.ServiceVolumesAsync("lm", MonitoringWorld.Filter(PeriodGranularity.Month));

        // A municipality's month of one service and project: records of at most four clients, however many.
        var fewClients = world.Data.Services
            .Where(s => !s.Withdrawn)
            .GroupBy(s => (Expected.PeriodOf(s.FirstDay, PeriodGranularity.Month), MonitoringData.ProviderMunicipalities[s.Provider],
                MonitoringWorld.ServiceKey(s.Project, (ServiceType)(int)s.Service, (ServiceUnit)(int)s.Unit)))
            .Where(g => g.Count() >= 5 && g.Select(s => s.ClientId).Distinct().Count() < 5)
            .Select(g => g.Key)
            .ToList();
        Assert.NotEmpty(fewClients);
        Assert.All(fewClients, cell => Assert.Null(rows.Single(r => (r.Period, r.Area, r.Key) == cell).Count));
    }

    [Theory]
    [MemberData(nameof(Granularities))]
    public async Task ListSupportPlanCounts_OverGeneratedClients_MatchesAnIndependentCount(PeriodGranularity granularity)
    {
        var rows = await world.SupportPlanCountsAsync("lm", MonitoringWorld.Filter(granularity));

        AssertMatches(Expected.ValidPlans(world.Data, granularity), rows, flows: false);
    }

    [Theory]
    [MemberData(nameof(Granularities))]
    public async Task ListOccupancy_OverGeneratedDeclarations_MatchesTheDeclarationsInForce(PeriodGranularity granularity)
    {
        var rows = await world.OccupancyAsync("lm", MonitoringWorld.Filter(granularity));

        var expected = Expected.Occupancy(world.Data, granularity);
        AssertMatches(expected, rows, flows: false);
        Assert.All(rows, r => Assert.Equal(expected[(r.Period, r.Region, r.Area, r.Key)].Quantity, r.Quantity));
        Assert.Contains(rows, r => r.Area == "vsac-zemgale-iecava" && r.Count is null);
    }

    [Theory]
    [MemberData(nameof(Granularities))]
    public async Task ListTransferDurations_OverGeneratedCompletions_AreTheNearestRankMedianAndP90(PeriodGranularity granularity)
    {
        var answer = await world.Monitoring("lm").ListTransferDurationsAsync(new ListTransferDurationsRequest { Filter = MonitoringWorld.Filter(granularity) });

        var expected = Expected.Durations(world.Data, granularity);
        Assert.Equal(
            expected.Keys.Order(),
            answer.Durations.Select(d => (MonitoringWorld.ToDate(d.PeriodStart), MonitoringWorld.Code(d.Area.PlanningRegion), MonitoringWorld.Code(d.Area.Municipality))).Order());
        Assert.All(answer.Durations, d =>
        {
            var days = expected[(MonitoringWorld.ToDate(d.PeriodStart), MonitoringWorld.Code(d.Area.PlanningRegion), MonitoringWorld.Code(d.Area.Municipality))];
            Assert.Equal(
                days.Count < 10 ? null : (Expected.Percentile(days, 50), Expected.Percentile(days, 90)),
                d.ValueCase == TransferDuration.ValueOneofCase.Days ? (d.Days.MedianDays, d.Days.P90Days) : ((int, int)?)null);
        });
        Assert.Contains(answer.Durations, d => d.ValueCase == TransferDuration.ValueOneofCase.Days);
    }

    [Fact]
    public async Task ListPlanProgress_ForTheKnownTargets_CountsCompletedTransfersAsTheTransferCountsShowThem()
    {
        var answer = await world.Monitoring("lm").ListPlanProgressAsync(new ListPlanProgressRequest());
        var yearly = await world.TransferCountsAsync("lm", MonitoringWorld.Filter(PeriodGranularity.Year));

        Assert.Equal(
            [("pr-riga", 2024, 9L), ("pr-kurzeme", 2025, 5L), ("pr-zemgale", 2025, 120L)],
            answer.Progress.Select(p => (MonitoringWorld.Code(p.PlanningRegion), p.Year, p.Target)));
        Assert.All(answer.Progress, p =>
        {
            var completed = Expected.CompletedIn(world.Data, MonitoringWorld.Code(p.PlanningRegion), (CoreTargetGroup)(int)p.TargetGroup, p.Year);
            long? shown = p.CompletedTransfers.ValueCase == SuppressibleCount.ValueOneofCase.Count ? p.CompletedTransfers.Count : null;
            Assert.True(shown == completed || (shown is null && completed > 0), $"{p}: {completed} completed");
            var key = MonitoringWorld.TransferKey(p.TargetGroup, TransferState.Completed, RejectionReason.Unspecified);
            Assert.Equal(
                completed == 0 ? null : yearly.Single(r => r.Period.Year == p.Year && r.Region == MonitoringWorld.Code(p.PlanningRegion) && r.Area == "" && r.Key == key).Count,
                shown == 0 ? null : shown);
        });
    }

    [Fact]
    public async Task ListTransferCounts_AtEveryGranularity_LeaveNoSumWithOnlyOneWithheldPart()
    {
        var rows = new List<Published>();
        foreach (var granularity in new[] { PeriodGranularity.Month, PeriodGranularity.Quarter, PeriodGranularity.Year })
        {
            rows.AddRange(await world.TransferCountsAsync("lm", MonitoringWorld.Filter(granularity)));
        }

        Differencing.AssertNoSumRevealsAWithheldPart(rows, flows: true);
        Assert.Contains(rows, r => r.Count is >= 5);
        Assert.Contains(rows, r => r.Count is null);
    }

    [Fact]
    public async Task ListTransferCounts_InSmallPages_ReturnsTheSameRowsInTheSameOrder()
    {
        var filter = MonitoringWorld.Filter(PeriodGranularity.Quarter);

        var paged = await world.TransferCountsAsync("lm", filter, pageSize: 37);

        Assert.Equal(await world.TransferCountsAsync("lm", filter), paged);
    }

    /// <summary>
    /// Every non-zero cell of the independent count is a row and nothing else is; a shown count is
    /// the independent one and never 1 to 4; a withheld one hides a non-zero count; and no sum the
    /// answer shows (over areas, over periods for flows, over rejection reasons) misses only one part.
    /// </summary>
    private static void AssertMatches(
        Dictionary<(DateOnly, string, string, string), (long Count, long Quantity, long Cents)> expected, List<Published> rows, bool flows = true)
    {
        Assert.Equal(
            expected.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal),
            rows.Select(r => (r.Period, r.Region, r.Area, r.Key).ToString()).Order(StringComparer.Ordinal));
        Assert.All(rows, r =>
        {
            var count = expected[(r.Period, r.Region, r.Area, r.Key)].Count;
            Assert.True(r.Count == count || (r.Count is null && count > 0), $"{r} against {count}");
            Assert.False(r.Count is > 0 and < 5, $"{r} shows a small count");
        });
        Differencing.AssertNoSumRevealsAWithheldPart(rows, flows);
    }
}
