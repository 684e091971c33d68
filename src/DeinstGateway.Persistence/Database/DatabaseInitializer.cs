using DeinstGateway.Persistence.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DeinstGateway.Persistence.Database;

/// <summary>
/// Brings the database to the current schema and reference data. Safe to run from several
/// replicas at once: EF Core takes a database-wide lock while migrating, and the reference-data
/// load is an idempotent upsert.
/// </summary>
public sealed class DatabaseInitializer(
    GatewayDbContext db, ReferenceDataLoader referenceData, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(string referenceDataPath, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        await db.Database.MigrateAsync(cancellationToken);
        PersistenceLog.DatabaseMigrated(logger, db.Database.ProviderName ?? "unknown", pending);
        await referenceData.LoadAsync(referenceDataPath, cancellationToken);
    }
}
