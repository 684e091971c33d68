namespace DeinstGateway.Core.Registry;

/// <summary>
/// The registry and service catalogue in memory, for rules that check thousands of references
/// per second. Reference data changes only at a gateway start, so a snapshot a few seconds old
/// is as good as the table.
/// </summary>
public sealed class RegistrySnapshot(
    IReadOnlyList<Institution> institutions, IReadOnlyList<ServiceTypeDefinition> serviceTypes, IReadOnlyList<EsfProject>? esfProjects = null)
{
    private readonly Dictionary<string, EsfProject> _esfProjects = (esfProjects ?? []).ToDictionary(p => p.Code, StringComparer.Ordinal);

    private readonly Dictionary<string, Institution> _institutions = institutions.ToDictionary(i => i.Code, StringComparer.Ordinal);
    private readonly Dictionary<ServiceType, ServiceTypeDefinition> _serviceTypes = serviceTypes.ToDictionary(s => s.Type);

    public Institution? Find(string code) => _institutions.GetValueOrDefault(code);

    public IEnumerable<Institution> Institutions => _institutions.Values;

    public IReadOnlyDictionary<string, EsfProject> EsfProjects => _esfProjects;

    public IEnumerable<ServiceTypeDefinition> ServiceTypes => _serviceTypes.Values;

    public ServiceTypeDefinition? Find(ServiceType type) => _serviceTypes.GetValueOrDefault(type);

    /// <summary>Services counted in places (group home, day care, workshop ...): these need a free place.</summary>
    public bool IsPlaceBased(ServiceType type) => Find(type)?.Unit == ServiceUnit.Places;
}

public interface IRegistrySnapshotSource
{
    ValueTask<RegistrySnapshot> GetAsync(CancellationToken cancellationToken);
}
