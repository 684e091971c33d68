using DeinstGateway.Core.Access;
using DeinstGateway.Core.Paging;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Transfers;

namespace DeinstGateway.Core.Monitoring;

/// <summary>Median and 90th percentile of whole days from submission to completion, or withheld.</summary>
public sealed record DurationRow(DateOnly Period, string? RegionCode, string? AreaCode, int? MedianDays, int? P90Days);

/// <summary>A regional plan's target with the completed transfers counted against it.</summary>
public sealed record PlanProgressRow(PlanTarget Target, Figure Completed);

/// <summary>
/// The programme's statistics for planning regions, the ministry and municipalities. Each table
/// is aggregated in the database per recorded municipality, rolled up to today's municipalities
/// along the registry's successor chain (<see cref="RegistrySnapshot.CurrentMunicipalityOf"/>: a
/// former county counts under the municipality holding its territory today), suppressed nationwide over whole years
/// (<see cref="SmallCells"/>), and only then cut to the caller's scope and filter.
/// </summary>
public sealed class MonitoringQueries(IMonitoringStore store, IPlanTargetSource targets, IRegistrySnapshotSource registry)
{
    /// <summary>Percentiles of fewer completed transfers than this are withheld: they would describe individuals.</summary>
    public const int MinTransfersForDurations = 10;

    public async Task<Page<StatisticsRow>> TransferCountsAsync(Caller caller, StatisticsFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(caller, Rpcs.ListTransferCounts, filter, cancellationToken);
        return view.Page(await TransferTableAsync(view, filter.WholeYears(), cancellationToken), filter, Flow(filter), page);
    }

    public async Task<IReadOnlyList<DurationRow>> TransferDurationsAsync(Caller caller, StatisticsFilter filter, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(caller, Rpcs.ListTransferDurations, filter, cancellationToken);
        var histograms = new Dictionary<Cell, SortedDictionary<int, long>>();
        foreach (var tally in await store.DurationsAsync(filter.From, filter.Until, cancellationToken))
        {
            var period = Periods.StartOf(new DateOnly(tally.Year, tally.Month, 1), filter.Granularity);
            for (string? area = Municipality(tally.MunicipalityCode, view); area is not null; area = view.AreaParent(area))
            {
                var cell = new Cell(Periods.Label(period, filter.Granularity), area, string.Empty);
                if (!histograms.TryGetValue(cell, out var days))
                {
                    histograms[cell] = days = [];
                }

                days[tally.Days] = days.GetValueOrDefault(tally.Days) + tally.Count;
            }
        }

        var table = histograms.ToDictionary(h => h.Key, h => new Figure(new Tally(h.Value.Values.Sum()), h.Value.Values.Sum() < MinTransfersForDurations));
        return view.Rows(table, filter, Flow(filter))
            .OrderBy(r => r.Period).ThenBy(r => r.RegionCode, StringComparer.Ordinal).ThenBy(r => r.AreaCode, StringComparer.Ordinal)
            .Select(r =>
            {
                var days = histograms[new Cell(Flow(filter)(r.Period), r.AreaCode ?? r.RegionCode ?? string.Empty, string.Empty)];
                return r.Figure.Suppressed
                    ? new DurationRow(r.Period, r.RegionCode, r.AreaCode, null, null)
                    : new DurationRow(r.Period, r.RegionCode, r.AreaCode, Percentile(days, 50), Percentile(days, 90));
            })
            .ToList();
    }

    public async Task<Page<StatisticsRow>> OccupancyAsync(Caller caller, StatisticsFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(caller, Rpcs.ListOccupancy, filter, cancellationToken);
        var finest = new Dictionary<Cell, Tally>();
        foreach (var day in filter.PeriodStarts().Select(start => LastDay(start, filter)))
        {
            foreach (var figure in await store.OccupancyAsync(day, cancellationToken))
            {
                // Residents are counted (and withheld when 1 to 4); places ride along as the quantity.
                finest[new Cell(Periods.Day(day), figure.InstitutionCode, StatisticsKeys.Residents)] = new Tally(figure.Residents, figure.Places);
            }
        }

        return view.Page(SmallCells.Publish(finest, Stocks(view)), filter, start => Periods.Day(LastDay(start, filter)), page);
    }

    public async Task<Page<StatisticsRow>> SupportPlanCountsAsync(Caller caller, StatisticsFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(caller, Rpcs.ListSupportPlanCounts, filter, cancellationToken);
        var finest = new Dictionary<Cell, Tally>();
        foreach (var day in filter.PeriodStarts().Select(start => LastDay(start, filter)))
        {
            foreach (var tally in await store.ValidPlansAsync(day, cancellationToken))
            {
                Add(finest, new Cell(Periods.Day(day), Municipality(tally.MunicipalityCode, view), StatisticsKeys.Of(tally.TargetGroup)), new Tally(tally.Clients));
            }
        }

        return view.Page(SmallCells.Publish(finest, Stocks(view)), filter, start => Periods.Day(LastDay(start, filter)), page);
    }

    public async Task<Page<StatisticsRow>> AssessmentCountsAsync(Caller caller, StatisticsFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(caller, Rpcs.ListAssessmentCounts, filter, cancellationToken);
        var (from, until) = filter.WholeYears();
        var finest = new Dictionary<Cell, Tally>();
        foreach (var tally in await store.AssessmentsAsync(from, until, cancellationToken))
        {
            Add(finest, new Cell(Periods.Month(tally.Year, tally.Month), Municipality(tally.MunicipalityCode, view), StatisticsKeys.Of(tally.Outcome)), new Tally(tally.Count));
        }

        return view.Page(SmallCells.Publish(finest, Flows(view, _ => null)), filter, Flow(filter), page);
    }

    public async Task<Page<StatisticsRow>> ServiceVolumesAsync(Caller caller, StatisticsFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(caller, Rpcs.ListServiceVolumes, filter, cancellationToken);
        var (from, until) = filter.WholeYears();
        var finest = new Dictionary<Cell, Tally>();
        var clients = new Dictionary<Cell, long>();
        foreach (var tally in await store.ServicesAsync(from, until, cancellationToken))
        {
            // Where the service was delivered: the provider's municipality.
            var cell = new Cell(
                Periods.Month(tally.Year, tally.Month),
                Municipality(view.Snapshot.Find(tally.ProviderCode)?.Municipality?.Code, view),
                new ServiceKey(tally.Project, tally.ServiceType, tally.Unit).Label);
            Add(finest, cell, new Tally(tally.Records, tally.Quantity, tally.Cents));
            clients[cell] = clients.GetValueOrDefault(cell) + tally.Clients;
        }

        // Many records may be one person's: a month's cell serving 1 to 4 clients is withheld however many records it has.
        var fewClients = clients.Where(c => c.Value < SmallCells.Threshold).Select(c => c.Key).ToHashSet();
        return view.Page(SmallCells.Publish(finest, Flows(view, _ => null), fewClients), filter, Flow(filter), page);
    }

    public async Task<IReadOnlyList<PlanProgressRow>> PlanProgressAsync(
        Caller caller, IReadOnlyCollection<int> years, string? regionCode, CancellationToken cancellationToken)
    {
        var view = StatisticsView.For(caller, Rpcs.ListPlanProgress, regionCode, null, await registry.GetAsync(cancellationToken));
        var wanted = targets.Targets
            .Where(t => years.Count == 0 || years.Contains(t.Year))
            .Where(t => (regionCode is null || t.PlanningRegionCode == regionCode) && view.Shows(t.PlanningRegionCode, null))
            .OrderBy(t => t.Year).ThenBy(t => t.PlanningRegionCode, StringComparer.Ordinal).ThenBy(t => t.TargetGroup)
            .ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var table = await TransferTableAsync(
            view, (new DateOnly(wanted.Min(t => t.Year), 1, 1), new DateOnly(wanted.Max(t => t.Year) + 1, 1, 1)), cancellationToken);
        return wanted
            .Select(t => new PlanProgressRow(t, table.GetValueOrDefault(
                new Cell(Periods.Label(new DateOnly(t.Year, 1, 1), PeriodGranularity.Year), t.PlanningRegionCode, new TransferKey(t.TargetGroup, TransferState.Completed, null).Label),
                new Figure(default, false))))
            .ToList();
    }

    private async Task<IReadOnlyDictionary<Cell, Figure>> TransferTableAsync(
        StatisticsView view, (DateOnly From, DateOnly Until) years, CancellationToken cancellationToken)
    {
        var finest = new Dictionary<Cell, Tally>();
        foreach (var tally in await store.TransfersAsync(years.From, years.Until, cancellationToken))
        {
            Add(finest,
                new Cell(Periods.Month(tally.Year, tally.Month), Municipality(tally.MunicipalityCode, view), new TransferKey(tally.TargetGroup, tally.State, tally.Reason).Label),
                new Tally(tally.Count));
        }

        return SmallCells.Publish(finest, Flows(view, TransferKey.Parent));
    }

    private async Task<StatisticsView> ViewAsync(Caller caller, string method, StatisticsFilter filter, CancellationToken cancellationToken) =>
        StatisticsView.For(caller, method, filter.RegionCode, filter.MunicipalityCode, await registry.GetAsync(cancellationToken), "filter.");

    /// <summary>Today's municipality a recorded code counts under; one that is none counts only nationwide.</summary>
    private string Municipality(string? recordedCode, StatisticsView view) =>
        recordedCode is null ? string.Empty : view.Snapshot.CurrentMunicipalityOf(recordedCode)?.Code ?? string.Empty;

    /// <summary>Flows add up over months, quarters and years, municipalities and regions, and the key's own roll-up.</summary>
    private static Hierarchy Flows(StatisticsView view, Func<string, string?> keyParent) => new(Periods.Parent, view.AreaParent, keyParent);

    /// <summary>A stock counted on a day adds up over areas only.</summary>
    private static Hierarchy Stocks(StatisticsView view) => new(_ => null, view.AreaParent, _ => null);

    private static Func<DateOnly, string> Flow(StatisticsFilter filter) => start => Periods.Label(start, filter.Granularity);

    private static DateOnly LastDay(DateOnly start, StatisticsFilter filter) => Periods.Next(start, filter.Granularity).AddDays(-1);

    private static void Add(Dictionary<Cell, Tally> cells, Cell cell, Tally tally) => cells[cell] = cells.GetValueOrDefault(cell) + tally;

    /// <summary>The nearest-rank percentile: the smallest value with at least p % of the values at or below it.</summary>
    private static int Percentile(SortedDictionary<int, long> histogram, int percent)
    {
        var rank = ((histogram.Values.Sum() * percent) + 99) / 100;
        long seen = 0;
        foreach (var (days, count) in histogram)
        {
            seen += count;
            if (seen >= rank)
            {
                return days;
            }
        }

        return histogram.Keys.Last();
    }
}
