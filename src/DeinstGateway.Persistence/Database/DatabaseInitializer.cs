using DeinstGateway.Persistence.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DeinstGateway.Persistence.Database;

/// <summary>
/// Brings the database to the current schema (or, with <c>Database:MigrateAtStart=false</c>,
/// checks that it is there) and loads the reference data. Safe to run from several replicas at
/// once: EF Core takes a database-wide lock while migrating, and the reference-data load is an
/// idempotent upsert.
/// </summary>
public sealed class DatabaseInitializer(
    GatewayDbContext db, DatabaseOptions options, ReferenceDataLoader referenceData, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(string referenceDataPath, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (options.MigrateAtStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
            PersistenceLog.DatabaseMigrated(logger, db.Database.ProviderName ?? "unknown", pending.Count);
        }
        else if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"{DatabaseOptions.Section}:{nameof(DatabaseOptions.MigrateAtStart)} is false and the database lacks {pending.Count} migration(s): " +
                $"{string.Join(", ", pending)}. Apply the idempotent script of the provider (src/DeinstGateway.Persistence/Scripts/) first, " +
                $"or start once with {DatabaseOptions.Section}:{nameof(DatabaseOptions.MigrateAtStart)}=true.");
        }

        await referenceData.LoadAsync(referenceDataPath, cancellationToken);
    }
}
