using DeinstGateway.Core.Access;
using DeinstGateway.Core.Capacity;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Paging;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Monitoring;

/// <summary>
/// One row of a statistic: a period (its first day, or the day a stock is counted: the period's last), an area — the
/// nationwide total (no region), a region's total (no <see cref="AreaCode"/>), or a municipality
/// or care institution (<see cref="AreaCode"/>) — and a key naming what is counted.
/// </summary>
public sealed record StatisticsRow(DateOnly Period, string? RegionCode, string? AreaCode, string Key, Figure Figure);

/// <summary>
/// What one caller sees of the statistics tables: the ministry every area, a planning region its
/// own and its municipalities', a municipality its own, each narrowed by the filter. Tables are
/// built nationwide; this only cuts them, so a withheld cell is withheld for everyone.
/// </summary>
public sealed class StatisticsView
{
    public const string NotInScope = "STATISTICS_NOT_IN_SCOPE";

    private readonly AccessScope _scope;
    private readonly string _caller;
    private readonly Dictionary<string, string> _parents;

    private StatisticsView(RegistrySnapshot snapshot, AccessScope scope, string caller, Dictionary<string, string> parents)
    {
        Snapshot = snapshot;
        _scope = scope;
        _caller = caller;
        _parents = parents;
    }

    public RegistrySnapshot Snapshot { get; }

    /// <summary>A municipality's region, a care institution's region, a region's "" (nationwide).</summary>
    public string? AreaParent(string area) => area.Length == 0 ? null : _parents.GetValueOrDefault(area, string.Empty);

    /// <summary>The caller's view; naming a region or municipality outside its scope is PERMISSION_DENIED, as for capacity.</summary>
    public static StatisticsView For(Caller caller, string method, string? regionCode, string? municipalityCode, RegistrySnapshot snapshot, string fieldPrefix = "")
    {
        var scope = AccessMatrix.Find(method, caller.Kind)?.Scope
            ?? throw new ForbiddenException("CALL_NOT_ALLOWED", $"A {caller.Kind} institution may not call {Rpcs.DisplayName(method)}.");
        EnsureKind(snapshot, regionCode, InstitutionKind.PlanningRegion, fieldPrefix + "planning_region");
        EnsureKind(snapshot, municipalityCode, InstitutionKind.Municipality, fieldPrefix + "municipality");
        CapacityQueries.EnsureFilterInScope(
            caller, new CapacityFilter(regionCode, municipalityCode, null, null, null), snapshot, NotInScope);

        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var institution in snapshot.Institutions)
        {
            var region = institution.Kind switch
            {
                InstitutionKind.PlanningRegion => string.Empty,
                InstitutionKind.Municipality => institution.PlanningRegion?.Code,
                _ when CareInstitutions.DeclaresOccupancy(institution) => CareInstitutions.RegionOf(institution, snapshot),
                _ => null,
            };
            if (region is not null)
            {
                parents[institution.Code] = region;
            }
        }

        return new StatisticsView(snapshot, scope, caller.InstitutionCode, parents);
    }

    /// <summary>The caller's rows of a table at the filter's periods, in a fixed order, one page of them.</summary>
    public Page<StatisticsRow> Page(
        IReadOnlyDictionary<Cell, Figure> table, StatisticsFilter filter, Func<DateOnly, string> periodLabel, PageRequest page)
    {
        var size = page.EffectiveSize;
        var fingerprint = PageToken.Fingerprint(filter.From.DayNumber, filter.Until.DayNumber, filter.Granularity, filter.RegionCode, filter.MunicipalityCode);
        var after = PageToken.Decode(page.PageToken, fingerprint);
        var rows = Rows(table, filter, periodLabel)
            .Select(row => (Key: SortKey(row), Row: row))
            .Where(r => after is null || string.CompareOrdinal(r.Key, after) > 0)
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Take(size + 1)
            .ToList();
        var items = rows.Take(size).ToList();
        return new Page<StatisticsRow>(items.Select(r => r.Row).ToList(), rows.Count > size ? PageToken.Encode(fingerprint, items[^1].Key) : string.Empty);
    }

    /// <summary>Every row of the table the caller sees at the filter's periods.</summary>
    public IEnumerable<StatisticsRow> Rows(IReadOnlyDictionary<Cell, Figure> table, StatisticsFilter filter, Func<DateOnly, string> periodLabel)
    {
        var periods = filter.PeriodStarts().Select(periodLabel).ToHashSet(StringComparer.Ordinal);
        foreach (var (cell, figure) in table)
        {
            if (!periods.Contains(cell.Period))
            {
                continue;
            }

            var (region, area) = Place(cell.Area);
            if (Shows(region, area) && Narrows(filter, region, area))
            {
                yield return new StatisticsRow(Periods.DateOf(cell.Period), region, area, cell.Key, figure);
            }
        }
    }

    /// <summary>Whether the caller sees an area (region code, municipality or institution code).</summary>
    public bool Shows(string? region, string? area) => _scope switch
    {
        AccessScope.All => true,
        AccessScope.OwnRegion => region == _caller,
        AccessScope.OwnMunicipality => area is not null && MunicipalityOf(area) == _caller,
        _ => false,
    };

    /// <summary>(region, municipality or institution) of an area label.</summary>
    public (string? Region, string? Area) Place(string area) =>
        area.Length == 0 ? (null, null)
        : Snapshot.Find(area)?.Kind == InstitutionKind.PlanningRegion ? (area, null)
        : (NullIfEmpty(AreaParent(area)), area);

    private bool Narrows(StatisticsFilter filter, string? region, string? area) =>
        (filter.RegionCode is null || region == filter.RegionCode)
        && (filter.MunicipalityCode is null || (area is not null && MunicipalityOf(area) == filter.MunicipalityCode));

    /// <summary>A municipality is itself; a care institution lies in one (or none).</summary>
    private string? MunicipalityOf(string area) => Snapshot.Find(area) is { Kind: not InstitutionKind.Municipality } institution
        ? institution.Municipality?.Code
        : area;

    private static string? NullIfEmpty(string? code) => string.IsNullOrEmpty(code) ? null : code;

    // Nationwide first, then each region followed by its municipalities.
    private static string SortKey(StatisticsRow row) =>
        $"{row.Period:O} {row.RegionCode} {row.AreaCode} {row.Key}";

    private static void EnsureKind(RegistrySnapshot snapshot, string? code, InstitutionKind kind, string field)
    {
        if (code is not null && snapshot.Find(code)?.Kind != kind)
        {
            throw new ValidationException(field, $"must name a {(kind == InstitutionKind.Municipality ? "municipality" : "planning region")} known to the registry");
        }
    }
}
