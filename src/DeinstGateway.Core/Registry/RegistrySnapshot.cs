namespace DeinstGateway.Core.Registry;

/// <summary>
/// The registry and service catalogue in memory, immutable: calls answer from it and never read
/// the registry tables. Reference data changes only when a gateway loads its file at start, so the
/// whole snapshot is replaced then (and, on other replicas, at their next refresh).
/// </summary>
public sealed class RegistrySnapshot
{
    private readonly Dictionary<string, EsfProject> _esfProjects;
    private readonly Dictionary<string, Institution> _institutions;
    private readonly Dictionary<ServiceType, ServiceTypeDefinition> _serviceTypes;

    // Ordinal code order is the order of page tokens: a token names the last code a page served.
    private readonly Institution[] _inCodeOrder;
    private readonly string[] _codes;
    private readonly ServiceTypeDefinition[] _catalogue;

    public RegistrySnapshot(
        IReadOnlyList<Institution> institutions, IReadOnlyList<ServiceTypeDefinition> serviceTypes, IReadOnlyList<EsfProject>? esfProjects = null)
    {
        _esfProjects = (esfProjects ?? []).ToDictionary(p => p.Code, StringComparer.Ordinal);
        _institutions = institutions.ToDictionary(i => i.Code, StringComparer.Ordinal);
        _serviceTypes = serviceTypes.ToDictionary(s => s.Type);
        _inCodeOrder = [.. institutions.OrderBy(i => i.Code, StringComparer.Ordinal)];
        _codes = [.. _inCodeOrder.Select(i => i.Code)];
        _catalogue = [.. serviceTypes.OrderBy(s => s.Type)];
    }

    public Institution? Find(string code) => _institutions.GetValueOrDefault(code);

    public IEnumerable<Institution> Institutions => _inCodeOrder;

    public IReadOnlyDictionary<string, EsfProject> EsfProjects => _esfProjects;

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
}

/// <summary>The registry snapshot in force; answering never reads the database.</summary>
public interface IRegistrySnapshotSource
{
    ValueTask<RegistrySnapshot> GetAsync(CancellationToken cancellationToken);
}
