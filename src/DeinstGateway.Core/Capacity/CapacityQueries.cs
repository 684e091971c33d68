using DeinstGateway.Core.Access;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;
using DeinstGateway.Core.Transfers;

namespace DeinstGateway.Core.Capacity;

/// <summary>
/// Places on a day: totals from the declaration in force; occupied and reserved today from the
/// live counters, on another day from the state every transfer to the provider had at the end of
/// that day, so a past day reads the same tomorrow as it did then. Roll-ups are sums of the rows,
/// so they always agree with them.
/// </summary>
public sealed class CapacityQueries(ICapacityStore store, IRegistrySnapshotSource registry, GatewayCalendar calendar)
{
    public async Task<CapacityReport> QueryAsync(Caller caller, CapacityFilter filter, CancellationToken cancellationToken)
    {
        CapacityScope.EnsureMayQuery(caller);
        var snapshot = await registry.GetAsync(cancellationToken);
        EnsureFilterInScope(caller, filter, snapshot);

        var date = filter.Date ?? calendar.Today;
        var providers = ProvidersInScope(caller, snapshot)
            .Where(i => filter.PlanningRegionCode is null || i.PlanningRegion?.Code == filter.PlanningRegionCode)
            .Where(i => filter.MunicipalityCode is null || i.Municipality?.Code == filter.MunicipalityCode)
            .Where(i => filter.ProviderCode is null || i.Code == filter.ProviderCode)
            .ToList();
        var rows = (await RowsAsync(providers, snapshot, date, cancellationToken))
            .Where(r => filter.ServiceType is null || r.ServiceType == filter.ServiceType)
            .ToList();

        return new CapacityReport(
            date,
            rows,
            RollUp(rows, r => r.Provider.Municipality?.Code),
            RollUp(rows, r => r.Provider.PlanningRegion?.Code),
            rows.Aggregate(default(PlaceCounts), (sum, r) => sum + r.Counts));
    }

    internal static IEnumerable<Institution> ProvidersInScope(Caller caller, RegistrySnapshot snapshot) =>
        snapshot.Institutions.Where(i => i.Kind == InstitutionKind.ServiceProvider && CapacityScope.MaySee(caller, i));

    /// <summary>The rows of these providers on the day, ordered by provider code, then service.</summary>
    internal async Task<List<CapacityRow>> RowsAsync(
        IReadOnlyCollection<Institution> providers, RegistrySnapshot snapshot, DateOnly date, CancellationToken cancellationToken)
    {
        var byCode = providers.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var places = await store.PlacesAsync(cancellationToken);
        var declarations = places.DeclarationsInForce(byCode.Keys, date);
        var taken = date == calendar.Today
            ? places.CurrentlyTaken(byCode.Keys).ToDictionary(t => (t.ProviderCode, t.ServiceType), t => t.Taken)
            : await TakenAtEndOfAsync(byCode.Keys, snapshot, date, cancellationToken);

        var totals = declarations.ToDictionary(d => (d.ProviderCode, d.ServiceType), d => new PlaceCounts(d.Places, 0, 0));
        return totals.Keys.Union(taken.Keys)
            .Select(key => new CapacityRow(byCode[key.Item1], key.Item2, totals.GetValueOrDefault(key) + taken.GetValueOrDefault(key)))
            .OrderBy(r => r.Provider.Code, StringComparer.Ordinal)
            .ThenBy(r => r.ServiceType)
            .ToList();
    }

    /// <summary>
    /// A past (or future) day: replays the state every transfer to the providers had at the end
    /// of it. Today reads the live counters instead, which the same transitions move.
    /// </summary>
    private async Task<Dictionary<(string, ServiceType), PlaceCounts>> TakenAtEndOfAsync(
        IReadOnlyCollection<string> providerCodes, RegistrySnapshot snapshot, DateOnly date, CancellationToken cancellationToken)
    {
        var taken = new Dictionary<(string, ServiceType), PlaceCounts>();
        foreach (var holding in await store.HoldingsAsync(providerCodes, calendar.StartOf(date.AddDays(1)), cancellationToken))
        {
            foreach (var service in holding.Services.Where(snapshot.IsPlaceBased))
            {
                var key = (holding.ProviderCode, service);
                taken[key] = taken.GetValueOrDefault(key) + (holding.State == TransferState.Completed
                    ? new PlaceCounts(0, 1, 0)
                    : new PlaceCounts(0, 0, 1));
            }
        }

        return taken;
    }

    private static List<CapacityRollUp> RollUp(IEnumerable<CapacityRow> rows, Func<CapacityRow, string?> groupOf) => rows
        .Where(r => groupOf(r) is not null)
        .GroupBy(r => (Group: groupOf(r)!, r.ServiceType))
        .Select(g => new CapacityRollUp(g.Key.Group, g.Key.ServiceType, g.Aggregate(default(PlaceCounts), (sum, r) => sum + r.Counts)))
        .OrderBy(r => r.InstitutionCode, StringComparer.Ordinal)
        .ThenBy(r => r.ServiceType)
        .ToList();

    /// <summary>Narrowing to something outside the caller's own scope is refused, not silently emptied.</summary>
    internal static void EnsureFilterInScope(Caller caller, CapacityFilter filter, RegistrySnapshot snapshot, string reason = "CAPACITY_NOT_IN_SCOPE")
    {
        var own = Area.Of(snapshot.Find(caller.InstitutionCode));
        foreach (var (code, field) in new[]
        {
            (filter.PlanningRegionCode, "planning_region"),
            (filter.MunicipalityCode, "municipality"),
            (filter.ProviderCode, "provider"),
        })
        {
            if (code is null)
            {
                continue;
            }

            var named = snapshot.Find(code) ?? throw new ValidationException(field, "names no institution known to the registry");
            if (!own.Overlaps(Area.Of(named)))
            {
                throw new ForbiddenException(reason, "The query names an institution outside the caller's scope.");
            }
        }
    }

    /// <summary>Where an institution sits: its region, municipality and provider, as far as they apply.</summary>
    private sealed record Area(string? Region, string? Municipality, string? Provider)
    {
        public static Area Of(Institution? institution) => institution?.Kind switch
        {
            InstitutionKind.PlanningRegion => new(institution.Code, null, null),
            InstitutionKind.Municipality => new(institution.PlanningRegion?.Code, institution.Code, null),
            InstitutionKind.ServiceProvider => new(institution.PlanningRegion?.Code, institution.Municipality?.Code, institution.Code),
            _ => new(null, null, null),
        };

        public bool Overlaps(Area other) =>
            Same(Region, other.Region) && Same(Municipality, other.Municipality) && Same(Provider, other.Provider);

        private static bool Same(string? left, string? right) => left is null || right is null || left == right;
    }
}
