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

/// <summary>A project named by its code (<c>project</c>) or by its official number (<c>esf_project_code</c>).</summary>
public sealed record ProjectChoice(string? Code, string? Number);

/// <summary>
/// Money spent per service, funding source and project, in the caller's scope (as for service
/// records). The amounts of a project with a funding split (the ESF projects and the pilot) are
/// split by that project's shares with <see cref="FundingSplit.SplitForReport"/> over the project's
/// records in a stable order (see <see cref="IServiceRecordStore.ProjectCostsAsync"/>), so lines
/// and totals agree to the cent; "no project" is not split. The database counts and sums each
/// line; only the records of split projects pass through the gateway, one at a time, so a report
/// over millions of records holds no more than its lines.
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
        var totals = await store.FundingTotalsAsync(inScope, from, until, projectCode, cancellationToken);

        // Only a project's split needs its records one by one, in the store's stable order; they stream past.
        var splits = totals
            .Select(t => t.ProjectCode)
            .Distinct(StringComparer.Ordinal)
            .Where(code => snapshot.Projects.GetValueOrDefault(code)?.Split is not null)
            .ToDictionary(code => code, code => new FundingSplit.Running(snapshot.Projects[code].Split!), StringComparer.Ordinal);
        var parts = new Dictionary<(ServiceType, FundingSource, string), (Int128 Esf, Int128 StateBudget, Int128 Municipal)>();
        if (splits.Count > 0)
        {
            await foreach (var cost in store.ProjectCostsAsync(inScope, from, until, splits.Keys, cancellationToken))
            {
                var part = splits[cost.ProjectCode].Next(cost.CostCents);
                var line = (cost.ServiceType, cost.FundingSource, cost.ProjectCode);
                var sum = parts.GetValueOrDefault(line);
                parts[line] = (sum.Esf + part.Esf, sum.StateBudget + part.StateBudget, sum.Municipal + part.Municipal);
            }
        }

        var lines = totals
            .Select(t =>
            {
                var split = parts.GetValueOrDefault((t.ServiceType, t.FundingSource, t.ProjectCode));
                return new FundingLine(
                    t.ServiceType,
                    t.FundingSource,
                    t.ProjectCode,
                    snapshot.Projects.GetValueOrDefault(t.ProjectCode)?.Number,
                    t.Records,
                    Stated(t.TotalCents),
                    Stated(split.Esf),
                    Stated(split.StateBudget),
                    Stated(split.Municipal));
            })
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
