using System.Linq.Expressions;
using DeinstGateway.Core.Registry;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.Registry;

internal sealed class RegistryStore(GatewayDbContext db) : IRegistryStore
{
    private static readonly Expression<Func<InstitutionRow, Institution>> ToDomain = i => new Institution(
        i.Code,
        i.Kind,
        i.DisplayName,
        i.PlanningRegion == null ? null : new InstitutionRef(i.PlanningRegion.Code, i.PlanningRegion.DisplayName),
        i.Municipality == null ? null : new InstitutionRef(i.Municipality.Code, i.Municipality.DisplayName),
        i.Parent == null ? null : new InstitutionRef(i.Parent.Code, i.Parent.DisplayName),
        i.Address,
        i.ValidFrom,
        i.ValidTo,
        i.Successor == null ? null : new InstitutionRef(i.Successor.Code, i.Successor.DisplayName),
        i.OfficialCode)
    {
        OfferedServices = ParseServices(i.OfferedServices),
    };

    public async Task<IReadOnlyList<Project>> ListProjectsAsync(CancellationToken cancellationToken) =>
        (await db.Projects.AsNoTracking().OrderBy(p => p.Code).Select(p => p.Definition).ToListAsync(cancellationToken))
            .Select(ProjectDefinitions.FromJson)
            .ToList();

    public static string? FormatServices(IReadOnlyCollection<ServiceType>? services) =>
        services is null || services.Count == 0 ? null : string.Join(',', services.Order());

    private static List<ServiceType> ParseServices(string? services) =>
        services is null ? [] : services.Split(',').Select(Enum.Parse<ServiceType>).ToList();

    public async Task<IReadOnlyList<Institution>> AllInstitutionsAsync(CancellationToken cancellationToken) =>
        await db.Institutions.AsNoTracking().OrderBy(i => i.Code).Select(ToDomain).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ServiceTypeDefinition>> ListServiceTypesAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ServiceTypes.AsNoTracking().Include(s => s.Limits).ToListAsync(cancellationToken);
        return rows
            .OrderBy(s => s.Type)
            .Select(s => new ServiceTypeDefinition(
                s.Type,
                s.DisplayNameLv,
                s.DisplayNameEn,
                s.Unit,
                s.Limits.OrderBy(l => l.Code, StringComparer.Ordinal)
                    .Select(l => new ServiceLimit(
                        l.Code, l.Kind, l.MinAgeYears, l.MaxAgeYears, l.MaxQuantity, l.QuantityUnit, l.Period, l.Description))
                    .ToList()))
            .ToList();
    }
}
