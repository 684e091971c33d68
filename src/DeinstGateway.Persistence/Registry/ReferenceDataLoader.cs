using DeinstGateway.Core.Registry;
using DeinstGateway.Persistence.Capacity;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DeinstGateway.Persistence.Registry;

/// <summary>
/// Brings the registry tables in line with the reference-data file at every start: new entries
/// are inserted, changed ones updated, unchanged ones left alone, so starting twice changes nothing.
/// Institutions missing from the file are kept (records may still name them) and reported.
/// This process's registry snapshot is replaced as soon as the load is committed.
/// </summary>
public sealed class ReferenceDataLoader(GatewayDbContext db, RegistrySnapshotSource snapshots, ILogger<ReferenceDataLoader> logger)
{
    public async Task<ReferenceDataLoadResult> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var file = ReferenceDataFile.Read(path);
        var strategy = db.Database.CreateExecutionStrategy();

        // Replicas starting together may race to insert the same rows; the loser's unique-key
        // violation is resolved by reading again, when everything is already there.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await strategy.ExecuteAsync(ct => ApplyAsync(file, ct), cancellationToken);
                PersistenceLog.ReferenceDataLoaded(
                    logger, file.Version, result.Inserted, result.Updated, result.NotInFile);
                await snapshots.RefreshAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<ReferenceDataLoadResult> ApplyAsync(ReferenceDataFile file, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var institutions = await db.Institutions.ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var entry in file.Institutions)
        {
            if (!institutions.TryGetValue(entry.Code, out var row))
            {
                row = new InstitutionRow { Code = entry.Code, DisplayName = entry.Name };
                db.Institutions.Add(row);
            }

            row.Kind = entry.Kind;
            row.DisplayName = entry.Name;
            row.PlanningRegionCode = entry.PlanningRegion;
            row.MunicipalityCode = entry.Municipality;
            row.ParentCode = entry.Parent;
            row.Address = entry.Address;
            row.ValidFrom = entry.ValidFrom;
            row.ValidTo = entry.ValidTo;
            row.SuccessorCode = entry.Successor;
            row.OfficialCode = entry.OfficialCode;
            row.OfferedServices = RegistryStore.FormatServices(entry.OfferedServices);
        }

        var serviceTypes = await db.ServiceTypes.Include(s => s.Limits).ToDictionaryAsync(s => s.Type, cancellationToken);
        foreach (var entry in file.ServiceTypes)
        {
            if (!serviceTypes.TryGetValue(entry.Type, out var row))
            {
                row = new ServiceTypeRow { Type = entry.Type, DisplayNameLv = entry.NameLv, DisplayNameEn = entry.NameEn };
                db.ServiceTypes.Add(row);
            }

            row.DisplayNameLv = entry.NameLv;
            row.DisplayNameEn = entry.NameEn;
            row.Unit = entry.Unit;
            ApplyLimits(row, entry.Limits);
        }

        var declarations = await db.CapacityDeclarations.Where(d => d.DeclaredByCode == null)
            .ToDictionaryAsync(d => (d.ProviderCode, d.ServiceType, d.EffectiveFrom), cancellationToken);
        var counters = (await db.ProviderCapacities.Select(c => new { c.ProviderCode, c.ServiceType }).ToListAsync(cancellationToken))
            .Select(c => (c.ProviderCode, c.ServiceType)).ToHashSet();
        foreach (var entry in file.CapacityEntries)
        {
            if (!declarations.TryGetValue((entry.Provider, entry.ServiceType, entry.EffectiveFrom), out var declaration))
            {
                declaration = new CapacityDeclarationRow
                {
                    ProviderCode = entry.Provider,
                    ServiceType = entry.ServiceType,
                    EffectiveFrom = entry.EffectiveFrom,
                    DeclareTime = DateTime.UtcNow,
                };
                db.CapacityDeclarations.Add(declaration);
            }

            if (db.Entry(declaration).State == EntityState.Added || declaration.Places != entry.Places)
            {
                db.CapacityChanges.Add(new CapacityChangeRow { ProviderCode = entry.Provider, ServiceType = entry.ServiceType, Time = DateTime.UtcNow });
            }

            declaration.Places = entry.Places;

            // The counters belong to the gateway: created once, never reset by a reload.
            if (counters.Add((entry.Provider, entry.ServiceType)))
            {
                db.ProviderCapacities.Add(new ProviderCapacityRow { ProviderCode = entry.Provider, ServiceType = entry.ServiceType });
            }
        }

        // Projects are kept when they leave the file, as institutions are: stored records still name them.
        var projects = await db.Projects.ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var entry in file.ProjectEntries)
        {
            if (!projects.TryGetValue(entry.Code, out var project))
            {
                project = new ProjectRow { Code = entry.Code, Definition = string.Empty };
                db.Projects.Add(project);
            }

            project.Number = entry.Number;
            project.Name = entry.Name;
            project.Definition = ProjectDefinitions.ToJson(entry);
        }

        var changes = db.ChangeTracker.Entries().ToList();
        var fileCodes = file.Institutions.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var result = new ReferenceDataLoadResult(
            Inserted: changes.Count(e => e.State == EntityState.Added),
            Updated: changes.Count(e => e.State is EntityState.Modified or EntityState.Deleted),
            NotInFile: institutions.Keys.Count(code => !fileCodes.Contains(code)));

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static void ApplyLimits(ServiceTypeRow row, IReadOnlyList<ServiceLimit> limits)
    {
        row.Limits.RemoveAll(existing => limits.All(l => l.Code != existing.Code));
        foreach (var entry in limits)
        {
            var limit = row.Limits.Find(l => l.Code == entry.Code);
            if (limit is null)
            {
                limit = new ServiceLimitRow { Code = entry.Code, Description = entry.Description };
                row.Limits.Add(limit);
            }

            limit.Kind = entry.Kind;
            limit.MinAgeYears = entry.MinAgeYears;
            limit.MaxAgeYears = entry.MaxAgeYears;
            limit.MaxQuantity = entry.MaxQuantity;
            limit.QuantityUnit = entry.QuantityUnit;
            limit.Period = entry.Period;
            limit.Description = entry.Description;
        }
    }
}

/// <summary>Rows the load inserted, updated or removed, and institutions kept though absent from the file.</summary>
public sealed record ReferenceDataLoadResult(int Inserted, int Updated, int NotInFile);
