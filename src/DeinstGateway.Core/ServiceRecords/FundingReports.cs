using DeinstGateway.Core.Access;
using DeinstGateway.Core.Capacity;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.ServiceRecords;

public sealed record FundingLine(
    ServiceType ServiceType, FundingSource FundingSource, string? EsfProjectCode, int Records, long TotalCents, long EsfCents, long StateBudgetCents);

public sealed record FundingReport(DateOnly From, DateOnly Until, IReadOnlyList<FundingLine> Lines, long TotalCents, long EsfCents, long StateBudgetCents);

/// <summary>
/// Money spent per service and funding source, in the caller's scope (as for service records).
/// ESF-project amounts are split with <see cref="FundingSplit.SplitForReport"/> over the records
/// in id order, so lines and totals agree to the cent. The database counts and sums each line; only
/// the ESF-project records pass through the gateway, one at a time, for the split, so a report over
/// millions of records holds no more than its lines.
/// <para>
/// Sums are taken in <see cref="Int128"/>, which no number of stored amounts can overflow. Under the
/// cost cap (<see cref="ProgrammeRules.MaxCostCents"/>) a report's total fits the contract's int64
/// cents up to 92 billion records; only records stored before the cap could exceed it, and such a
/// report is refused as <see cref="PreconditionFailedException"/> rather than answered wrong.
/// </para>
/// </summary>
public sealed class FundingReports(IServiceRecordStore store, IRegistrySnapshotSource registry)
{
    /// <summary>Longest report period: ten years, leap days included.</summary>
    public const int MaxPeriodDays = 3653;

    public const string TotalTooLarge = "REPORT_TOTAL_TOO_LARGE";

    public async Task<FundingReport> GetAsync(
        Caller caller, DateOnly from, DateOnly until, string? regionCode, string? municipalityCode, string? esfProjectCode, CancellationToken cancellationToken)
    {
        CapacityScope.EnsureMayQuery(caller);
        if (until <= from)
        {
            throw new ValidationException("period.end_date", "must be after the start");
        }

        if (until.DayNumber - from.DayNumber > MaxPeriodDays)
        {
            throw new ValidationException("period.end_date", $"must be at most {MaxPeriodDays} days (ten years) after the start");
        }

        var snapshot = await registry.GetAsync(cancellationToken);
        CapacityQueries.EnsureFilterInScope(caller, new CapacityFilter(regionCode, municipalityCode, null, null, null), snapshot);
        var inScope = CapacityQueries.ProvidersInScope(caller, snapshot)
            .Where(p => regionCode is null || p.PlanningRegion?.Code == regionCode)
            .Where(p => municipalityCode is null || p.Municipality?.Code == municipalityCode)
            .Select(p => p.Code)
            .ToList();
        var totals = await store.FundingTotalsAsync(inScope, from, until, esfProjectCode, cancellationToken);

        // Only the ESF split needs the records one by one, in id order; they stream past.
        var esfParts = new Dictionary<(ServiceType, string?), (Int128 Esf, Int128 StateBudget)>();
        var split = new FundingSplit.Running();
        await foreach (var record in store.EsfCostsAsync(inScope, from, until, esfProjectCode, cancellationToken))
        {
            var (esf, stateBudget) = split.Next(record.CostCents);
            var sum = esfParts.GetValueOrDefault((record.ServiceType, record.EsfProjectCode));
            esfParts[(record.ServiceType, record.EsfProjectCode)] = (sum.Esf + esf, sum.StateBudget + stateBudget);
        }

        var lines = totals
            .Select(t =>
            {
                var parts = t.FundingSource == FundingSource.EsfProject ? esfParts.GetValueOrDefault((t.ServiceType, t.EsfProjectCode)) : default;
                return new FundingLine(t.ServiceType, t.FundingSource, t.EsfProjectCode, t.Records, Stated(t.TotalCents), Stated(parts.Esf), Stated(parts.StateBudget));
            })
            .OrderBy(l => l.ServiceType)
            .ThenBy(l => l.FundingSource)
            .ThenBy(l => l.EsfProjectCode, StringComparer.Ordinal)
            .ToList();
        return new FundingReport(
            from, until, lines,
            Stated(Sum(lines.Select(l => l.TotalCents))), Stated(Sum(lines.Select(l => l.EsfCents))), Stated(Sum(lines.Select(l => l.StateBudgetCents))));
    }

    private static Int128 Sum(IEnumerable<long> cents)
    {
        Int128 sum = 0;
        foreach (var amount in cents)
        {
            sum += amount;
        }

        return sum;
    }

    /// <summary>The amount as the contract's int64 cents.</summary>
    private static long Stated(Int128 cents) =>
        cents <= long.MaxValue
            ? (long)cents
            : throw new PreconditionFailedException(
                TotalTooLarge, "period", "The report's total exceeds what a report can state; records above the cost limit were stored before it. Narrow the period or the filters.");
}
