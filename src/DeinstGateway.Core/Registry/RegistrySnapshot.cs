namespace DeinstGateway.Core.Registry;

/// <summary>
/// The registry, service catalogue and projects in memory, immutable: calls answer from it and
/// never read the registry tables. Reference data changes only when a gateway loads its file at
/// start, so the whole snapshot is replaced then (and, on other replicas, at their next refresh).
/// </summary>
public sealed class RegistrySnapshot
{
    private readonly Dictionary<string, Project> _projects;
    private readonly Dictionary<string, Institution> _institutions;
    private readonly Dictionary<ServiceType, ServiceTypeDefinition> _serviceTypes;

    // Ordinal code order is the order of page tokens: a token names the last code a page served.
    private readonly Institution[] _inCodeOrder;
    private readonly string[] _codes;
    private readonly ServiceTypeDefinition[] _catalogue;

    public RegistrySnapshot(
        IReadOnlyList<Institution> institutions, IReadOnlyList<ServiceTypeDefinition> serviceTypes, IReadOnlyList<Project>? projects = null)
    {
        _projects = (projects ?? []).ToDictionary(p => p.Code, StringComparer.Ordinal);
        _institutions = institutions.ToDictionary(i => i.Code, StringComparer.Ordinal);
        _serviceTypes = serviceTypes.ToDictionary(s => s.Type);
        _inCodeOrder = [.. institutions.OrderBy(i => i.Code, StringComparer.Ordinal)];
        _codes = [.. _inCodeOrder.Select(i => i.Code)];
        _catalogue = [.. serviceTypes.OrderBy(s => s.Type)];
    }

    public Institution? Find(string code) => _institutions.GetValueOrDefault(code);

    public IEnumerable<Institution> Institutions => _inCodeOrder;

    /// <summary>The programme's projects by code, "no project" (<see cref="Project.NoProjectCode"/>) among them.</summary>
    public IReadOnlyDictionary<string, Project> Projects => _projects;

    /// <summary>The catalogue in the order of its service types.</summary>
    public IReadOnlyList<ServiceTypeDefinition> ServiceTypes => _catalogue;

    public ServiceTypeDefinition? Find(ServiceType type) => _serviceTypes.GetValueOrDefault(type);

    /// <summary>Services counted in places (group home, day care, workshop ...): these need a free place.</summary>
    public bool IsPlaceBased(ServiceType type) => Find(type)?.Unit == ServiceUnit.Places;

    /// <summary>Institutions whose code sorts (ordinally) after <paramref name="afterCode"/>, all when null, in that order.</summary>
    public IEnumerable<Institution> InstitutionsAfter(string? afterCode)
    {
        if (afterCode is null)
        {
            return _inCodeOrder;
        }

        // A code the registry no longer holds still marks a place in the order.
        var at = Array.BinarySearch(_codes, afterCode, StringComparer.Ordinal);
        return _inCodeOrder.Skip(at >= 0 ? at + 1 : ~at);
    }

    /// <summary>
    /// The municipality that holds the territory of municipality <paramref name="code"/> (a
    /// historical one such as a pre-2021 county, or a current one) on <paramref name="on"/>, or,
    /// without a date, today's: the successor chain is followed from <paramref name="code"/> past
    /// every municipality that had ended by then. A municipality still in existence answers itself.
    /// Null when <paramref name="code"/> is not a municipality of the registry. Reports and
    /// monitoring use it to roll records naming a former municipality up to the current one.
    /// </summary>
    public Institution? CurrentMunicipalityOf(string code, DateOnly? on = null)
    {
        var municipality = Find(code);
        // The loader refuses successor cycles; the bound only keeps a bad snapshot from looping.
        for (var step = 0; municipality?.Kind == InstitutionKind.Municipality && step <= _institutions.Count; step++)
        {
            var ended = on is { } day ? municipality.ValidTo is { } to && to <= day : municipality.Successor is not null;
            if (!ended || municipality.Successor is null)
            {
                return municipality;
            }

            municipality = Find(municipality.Successor.Code);
        }

        return null;
    }

    /// <summary>
    /// The codes standing for the place of municipality <paramref name="municipalityCode"/>: today's
    /// municipality holding it, every municipality rolled up into that one (itself included) and its
    /// planning region. Empty when the code is not a municipality.
    /// </summary>
    public IReadOnlySet<string> TerritoryOf(string municipalityCode)
    {
        var territory = new HashSet<string>(StringComparer.Ordinal);
        if (CurrentMunicipalityOf(municipalityCode) is not { } current)
        {
            return territory;
        }

        territory.UnionWith(Institutions
            .Where(i => i.Kind == InstitutionKind.Municipality && CurrentMunicipalityOf(i.Code)?.Code == current.Code)
            .Select(i => i.Code));
        if (current.PlanningRegion is { } region)
        {
            territory.Add(region.Code);
        }

        return territory;
    }
}

/// <summary>The registry snapshot in force; answering never reads the database.</summary>
public interface IRegistrySnapshotSource
{
    ValueTask<RegistrySnapshot> GetAsync(CancellationToken cancellationToken);
}
