using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Paging;

namespace DeinstGateway.Core.Registry;

/// <summary>The registry look-ups every authenticated institution may make, answered from the snapshot.</summary>
public sealed class RegistryQueries(IRegistrySnapshotSource registry)
{
    public async Task<Institution> GetInstitutionAsync(string code, CancellationToken cancellationToken) =>
        (await registry.GetAsync(cancellationToken)).Find(code)
        ?? throw new NotFoundException("institution", $"institutions/{code}");

    public async Task<Page<Institution>> ListInstitutionsAsync(
        InstitutionFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var size = page.EffectiveSize;
        var fingerprint = PageToken.Fingerprint(
            filter.Kind, filter.PlanningRegionCode, filter.MunicipalityCode, filter.ParentCode, filter.ValidOn.ToString("O"));
        var afterCode = PageToken.Decode(page.PageToken, fingerprint);

        // One more than asked tells whether another page exists.
        var snapshot = await registry.GetAsync(cancellationToken);
        var rows = snapshot.InstitutionsAfter(afterCode).Where(i => Matches(i, filter)).Take(size + 1).ToList();
        if (rows.Count <= size)
        {
            return new Page<Institution>(rows, string.Empty);
        }

        rows.RemoveAt(size);
        return new Page<Institution>(rows, PageToken.Encode(fingerprint, rows[^1].Code));
    }

    public async Task<IReadOnlyList<ServiceTypeDefinition>> ListServiceTypesAsync(CancellationToken cancellationToken) =>
        (await registry.GetAsync(cancellationToken)).ServiceTypes;

    /// <summary>Unset members of the filter do not narrow; validity is half-open (<see cref="Institution.IsValidOn"/>).</summary>
    private static bool Matches(Institution institution, InstitutionFilter filter) =>
        institution.IsValidOn(filter.ValidOn)
        && (filter.Kind is null || institution.Kind == filter.Kind)
        && (filter.PlanningRegionCode is null || institution.PlanningRegion?.Code == filter.PlanningRegionCode)
        && (filter.MunicipalityCode is null || institution.Municipality?.Code == filter.MunicipalityCode)
        && (filter.ParentCode is null || institution.Parent?.Code == filter.ParentCode);
}
