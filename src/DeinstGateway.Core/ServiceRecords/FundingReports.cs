using DeinstGateway.Core.Access;
using DeinstGateway.Core.Capacity;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.ServiceRecords;

/// <param name="EsfProjectCode">The project's official number, where it has one.</param>
public sealed record FundingLine(
    ServiceType ServiceType, FundingSource FundingSource, string ProjectCode, string? EsfProjectCode, int Records,
    long TotalCents, long EsfCents, long StateBudgetCents, long MunicipalCents);

public sealed record FundingReport(
    DateOnly From, DateOnly Until, IReadOnlyList<FundingLine> Lines, long TotalCents, long EsfCents, long StateBudgetCents, long MunicipalCents);

/// <summary>
/// Money spent per service, funding source and project, in the caller's scope (as for service
/// records). The amounts of a project with a funding split (the ESF projects and the pilot) are
/// split by that project's shares with <see cref="FundingSplit.SplitForReport"/> over the project's
/// records in id order, so lines and totals agree to the cent; "no project" is not split.
/// <para>
/// Sums are taken in <see cref="Int128"/>, which no number of stored amounts can overflow. Under the
/// cost cap (<see cref="ProgrammeRules.MaxCostCents"/>) a report's total fits the contract's int64
/// cents up to 92 billion records; only records stored before the cap could exceed it, and such a
/// report is refused as <see cref="PreconditionFailedException"/> rather than answered wrong.
/// </para>
/// </summary>
/// <summary>A project named by its code (<c>project</c>) or by its official number (<c>esf_project_code</c>).</summary>
public sealed record ProjectChoice(string? Code, string? Number);

public sealed class FundingReports(IServiceRecordStore store, IRegistrySnapshotSource registry)
{
    /// <summary>Longest report period: ten years, leap days included. A report reads its records into memory.</summary>
    public const int MaxPeriodDays = 3653;

    public const string TotalTooLarge = "REPORT_TOTAL_TOO_LARGE";

    public async Task<FundingReport> GetAsync(
        Caller caller, DateOnly from, DateOnly until, string? regionCode, string? municipalityCode, ProjectChoice? project, CancellationToken cancellationToken)
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
        var projectCode = project is null ? null : ProjectCodeOf(project, snapshot);
        var records = await store.RecordsStartingInAsync(inScope, from, until, projectCode, cancellationToken);

        var parts = new Dictionary<string, FundingParts>(StringComparer.Ordinal);
        foreach (var group in records.GroupBy(r => r.ProjectCode, StringComparer.Ordinal))
        {
            if (snapshot.Projects.GetValueOrDefault(group.Key)?.Split is not { } shares)
            {
                continue;
            }

            var split = group.ToList();
            foreach (var (record, part) in split.Zip(FundingSplit.SplitForReport(split.Select(r => r.CostCents), shares)))
            {
                parts[record.Id] = part;
            }
        }

        FundingParts PartsOf(ServiceRecord record) => parts.GetValueOrDefault(record.Id);
        var lines = records
            .GroupBy(r => (r.ServiceType, r.FundingSource, r.ProjectCode))
            .Select(g => new FundingLine(
                g.Key.ServiceType,
                g.Key.FundingSource,
                g.Key.ProjectCode,
                snapshot.Projects.GetValueOrDefault(g.Key.ProjectCode)?.Number,
                g.Count(),
                Stated(Sum(g.Select(r => r.CostCents))),
                Stated(Sum(g.Select(r => PartsOf(r).Esf))),
                Stated(Sum(g.Select(r => PartsOf(r).StateBudget))),
                Stated(Sum(g.Select(r => PartsOf(r).Municipal)))))
            .OrderBy(l => l.ServiceType)
            .ThenBy(l => l.FundingSource)
            .ThenBy(l => l.ProjectCode, StringComparer.Ordinal)
            .ToList();
        return new FundingReport(
            from, until, lines,
            Stated(Sum(lines.Select(l => l.TotalCents))), Stated(Sum(lines.Select(l => l.EsfCents))),
            Stated(Sum(lines.Select(l => l.StateBudgetCents))), Stated(Sum(lines.Select(l => l.MunicipalCents))));
    }

    /// <summary>The project a report narrows to, by code or by official number; an unknown one is INVALID_ARGUMENT naming the field.</summary>
    private static string ProjectCodeOf(ProjectChoice choice, RegistrySnapshot snapshot)
    {
        var project = choice.Code is { } code
            ? snapshot.Projects.GetValueOrDefault(code)
            : snapshot.Projects.Values.FirstOrDefault(p => string.Equals(p.Number, choice.Number, StringComparison.Ordinal));
        return project?.Code ?? throw new ValidationException(choice.Code is null ? "esf_project_code" : "project", "names no project of the programme");
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
