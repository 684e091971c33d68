namespace DeinstGateway.Core.Registry;

/// <summary>Where the registry lives; implemented by the persistence layer.</summary>
public interface IRegistryStore
{
    Task<Institution?> FindInstitutionAsync(string code, CancellationToken cancellationToken);

    /// <summary>Institutions matching the filter with a code after <paramref name="afterCode"/>, ordered by code.</summary>
    Task<IReadOnlyList<Institution>> ListInstitutionsAsync(
        InstitutionFilter filter, string? afterCode, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<ServiceTypeDefinition>> ListServiceTypesAsync(CancellationToken cancellationToken);

    /// <summary>Every institution, whatever its validity, for an in-memory snapshot.</summary>
    Task<IReadOnlyList<Institution>> AllInstitutionsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Project>> ListProjectsAsync(CancellationToken cancellationToken);
}
