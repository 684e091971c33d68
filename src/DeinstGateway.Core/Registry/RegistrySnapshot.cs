namespace DeinstGateway.Core.Registry;

/// <summary>
/// The registry, service catalogue and projects in memory, for rules that check thousands of
/// references per second. Reference data changes only at a gateway start, so a snapshot a few
/// seconds old is as good as the table.
/// </summary>
public sealed class RegistrySnapshot(
    IReadOnlyList<Institution> institutions, IReadOnlyList<ServiceTypeDefinition> serviceTypes, IReadOnlyList<Project>? projects = null)
{
    private readonly Dictionary<string, Project> _projects = (projects ?? []).ToDictionary(p => p.Code, StringComparer.Ordinal);

    private readonly Dictionary<string, Institution> _institutions = institutions.ToDictionary(i => i.Code, StringComparer.Ordinal);
    private readonly Dictionary<ServiceType, ServiceTypeDefinition> _serviceTypes = serviceTypes.ToDictionary(s => s.Type);

    public Institution? Find(string code) => _institutions.GetValueOrDefault(code);

    public IEnumerable<Institution> Institutions => _institutions.Values;

    /// <summary>The programme's projects by code, "no project" (<see cref="Project.NoProjectCode"/>) among them.</summary>
    public IReadOnlyDictionary<string, Project> Projects => _projects;

    public IEnumerable<ServiceTypeDefinition> ServiceTypes => _serviceTypes.Values;

    public ServiceTypeDefinition? Find(ServiceType type) => _serviceTypes.GetValueOrDefault(type);

    /// <summary>Services counted in places (group home, day care, workshop ...): these need a free place.</summary>
    public bool IsPlaceBased(ServiceType type) => Find(type)?.Unit == ServiceUnit.Places;

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

public interface IRegistrySnapshotSource
{
    ValueTask<RegistrySnapshot> GetAsync(CancellationToken cancellationToken);
}
