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
/// in id order, so lines and totals agree to the cent.
/// </summary>
public sealed class FundingReports(IServiceRecordStore store, IRegistrySnapshotSource registry)
{
    public async Task<FundingReport> GetAsync(
        Caller caller, DateOnly from, DateOnly until, string? regionCode, string? municipalityCode, string? esfProjectCode, CancellationToken cancellationToken)
    {
        CapacityScope.EnsureMayQuery(caller);
        if (until <= from)
        {
            throw new ValidationException("period.end_date", "must be after the start");
        }

        var snapshot = await registry.GetAsync(cancellationToken);
        CapacityQueries.EnsureFilterInScope(caller, new CapacityFilter(regionCode, municipalityCode, null, null, null), snapshot);
        var inScope = CapacityQueries.ProvidersInScope(caller, snapshot)
            .Where(p => regionCode is null || p.PlanningRegion?.Code == regionCode)
            .Where(p => municipalityCode is null || p.Municipality?.Code == municipalityCode)
            .Select(p => p.Code)
            .ToList();
        var records = await store.RecordsStartingInAsync(inScope, from, until, esfProjectCode, cancellationToken);

        var esfRecords = records.Where(r => r.FundingSource == FundingSource.EsfProject).ToList();
        var esfParts = FundingSplit.SplitForReport(esfRecords.Select(r => r.CostCents))
            .Select((part, i) => (esfRecords[i].Id, part))
            .ToDictionary(p => p.Id, p => p.part, StringComparer.Ordinal);

        var lines = records
            .GroupBy(r => (r.ServiceType, r.FundingSource, r.EsfProjectCode))
            .Select(g => new FundingLine(
                g.Key.ServiceType,
                g.Key.FundingSource,
                g.Key.EsfProjectCode,
                g.Count(),
                g.Sum(r => r.CostCents),
                g.Sum(r => esfParts.TryGetValue(r.Id, out var p) ? p.Esf : 0),
                g.Sum(r => esfParts.TryGetValue(r.Id, out var p) ? p.StateBudget : 0)))
            .OrderBy(l => l.ServiceType)
            .ThenBy(l => l.FundingSource)
            .ThenBy(l => l.EsfProjectCode, StringComparer.Ordinal)
            .ToList();
        return new FundingReport(from, until, lines, lines.Sum(l => l.TotalCents), lines.Sum(l => l.EsfCents), lines.Sum(l => l.StateBudgetCents));
    }
}
