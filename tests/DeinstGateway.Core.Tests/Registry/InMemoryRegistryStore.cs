using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Tests.Registry;

/// <summary>
/// Fakes the store interface, not a database: keyset paging over a list in ordinal code order,
/// which is all <see cref="RegistryQueries"/> relies on. Filter members are ignored.
/// </summary>
internal sealed class InMemoryRegistryStore(IEnumerable<Institution> institutions) : IRegistryStore
{
    private readonly List<Institution> _institutions =
        [.. institutions.OrderBy(i => i.Code, StringComparer.Ordinal)];

    public Task<Institution?> FindInstitutionAsync(string code, CancellationToken cancellationToken) =>
        Task.FromResult(_institutions.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal)));

    public Task<IReadOnlyList<Institution>> ListInstitutionsAsync(
        InstitutionFilter filter, string? afterCode, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<Institution> rows = _institutions
            .Where(i => afterCode is null || string.CompareOrdinal(i.Code, afterCode) > 0)
            .Take(limit)
            .ToList();
        return Task.FromResult(rows);
    }

    public Task<IReadOnlyList<Institution>> AllInstitutionsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Institution>>(_institutions);

    public Task<IReadOnlyList<Project>> ListProjectsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Project>>([]);

    public Task<IReadOnlyList<ServiceTypeDefinition>> ListServiceTypesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ServiceTypeDefinition>>([]);
}
