namespace DeinstGateway.Core.Registry;

/// <summary>Where the registry lives; implemented by the persistence layer, read whole into a <see cref="RegistrySnapshot"/>.</summary>
public interface IRegistryStore
{
    /// <summary>Every institution, whatever its validity.</summary>
    Task<IReadOnlyList<Institution>> AllInstitutionsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ServiceTypeDefinition>> ListServiceTypesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Project>> ListProjectsAsync(CancellationToken cancellationToken);
}
