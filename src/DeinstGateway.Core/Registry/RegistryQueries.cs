using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Paging;

namespace DeinstGateway.Core.Registry;

/// <summary>The registry look-ups every authenticated institution may make.</summary>
public sealed class RegistryQueries(IRegistryStore store)
{
    public async Task<Institution> GetInstitutionAsync(string code, CancellationToken cancellationToken) =>
        await store.FindInstitutionAsync(code, cancellationToken)
        ?? throw new NotFoundException("institution", $"institutions/{code}");

    public async Task<Page<Institution>> ListInstitutionsAsync(
        InstitutionFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var size = page.EffectiveSize;
        var fingerprint = PageToken.Fingerprint(
            filter.Kind, filter.PlanningRegionCode, filter.MunicipalityCode, filter.ParentCode, filter.ValidOn.ToString("O"));
        var afterCode = PageToken.Decode(page.PageToken, fingerprint);

        // One row more than asked tells whether another page exists without a count query.
        var rows = await store.ListInstitutionsAsync(filter, afterCode, size + 1, cancellationToken);
        if (rows.Count <= size)
        {
            return new Page<Institution>(rows, string.Empty);
        }

        var items = rows.Take(size).ToList();
        return new Page<Institution>(items, PageToken.Encode(fingerprint, items[^1].Code));
    }

    public Task<IReadOnlyList<ServiceTypeDefinition>> ListServiceTypesAsync(CancellationToken cancellationToken) =>
        store.ListServiceTypesAsync(cancellationToken);
}
