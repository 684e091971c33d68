using DeinstGateway.Core.Registry;
using DeinstGateway.Persistence.Capacity;
using DeinstGateway.Persistence.Database;
using DeinstGateway.Persistence.Monitoring;
using DeinstGateway.Persistence.Registry;
using DeinstGateway.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DeinstGateway.Server.Tests.Persistence;

/// <summary>
/// Each provider's committed migrations must describe the current model. SQL Server cannot run
/// here, but its migrations and their SQL are checked without a connection. Before the first
/// release the history was squashed into one migration per provider; every model change after it
/// is a migration of its own with an upgrade test here (SQLite, from the migration before it).
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public void SqliteMigrations_AgainstTheModel_HaveNoPendingChanges()
    {
        using var db = new SqliteGatewayDbContext(new DbContextOptionsBuilder<SqliteGatewayDbContext>()
            .UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void SqlServerMigrations_AgainstTheModel_HaveNoPendingChanges()
    {
        using var db = SqlServerContext();

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void SqlServerMigrations_Script_CreatesTheRegistryWithOrdinalKeys()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [institutions]", script, StringComparison.Ordinal);
        Assert.Contains("[Code] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [service_limits]", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrations_AfterTheSquashedInitialOne_AreTheSameChangesOnBothProviders()
    {
        using var sqlite = SqliteContext("Data Source=:memory:");
        using var sqlServer = SqlServerContext();

        var sqliteNames = sqlite.Database.GetMigrations().Select(m => m[15..]).ToList();

        // Other branches add migrations of their own after the squash: this one must be among them.
        Assert.Equal("Initial", sqliteNames[0]);
        Assert.Contains("MonitoringAssessmentsOccupancy", sqliteNames);
        Assert.Equal(sqliteNames, sqlServer.Database.GetMigrations().Select(m => m[15..]));
    }

    [Fact]
    public async Task SqliteUpgrade_FromTheMigrationBefore_KeepsTheDataAndAddsAssessmentsAndOccupancy()
    {
        var path = GatewayProcess.NewDatabasePath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var before = SqliteContext($"Data Source={path};Pooling=False"))
        {
            // The migration before this one, whichever branch's it is.
            var migrations = before.Database.GetMigrations().ToList();
            await before.GetService<IMigrator>().MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_MonitoringAssessmentsOccupancy", StringComparison.Ordinal)) - 1]);
            before.Institutions.Add(new InstitutionRow { Code = "vsac-upgrade", Kind = InstitutionKind.StateCareCentre, DisplayName = "Upgrade" });
            await before.SaveChangesAsync();
            Assert.DoesNotContain("institution_occupancy", await TablesAsync(path));
        }

        await using (var after = SqliteContext($"Data Source={path};Pooling=False"))
        {
            await after.Database.MigrateAsync();
            after.Occupancy.Add(new OccupancyRow { InstitutionCode = "vsac-upgrade", EffectiveFrom = new DateOnly(2026, 1, 1), Places = 10, Residents = 8 });
            await after.SaveChangesAsync();

            Assert.Equal("Upgrade", (await after.Institutions.SingleAsync(i => i.Code == "vsac-upgrade")).DisplayName);
            Assert.Equal(8, (await after.Occupancy.SingleAsync()).Residents);
            Assert.Equal(0, await after.NeedsAssessments.CountAsync());
        }
    }

    [Fact]
    public void SqlServerMigrations_Script_CreatesAssessmentsAndOccupancy()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE [needs_assessments]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_needs_assessments_RecordedByCode_RequestId]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [institution_occupancy]", script, StringComparison.Ordinal);
        Assert.Contains("CONSTRAINT [CK_institution_occupancy_counts] CHECK (Places >= 0 AND Residents >= 0)", script, StringComparison.Ordinal);
    }

    /// <summary>Monitoring aggregates in SQL on SQL Server too: each query translates, grouping in the database.</summary>
    [Fact]
    public void MonitoringAggregations_ForSqlServer_GroupInTheDatabase()
    {
        using var db = SqlServerContext();
        DateOnly from = new(2020, 1, 1), until = new(2026, 1, 1);

        string[] statements =
        [
            MonitoringAggregations.Transfers(db, from, until).ToQueryString(),
            MonitoringAggregations.Durations(db, from, until).ToQueryString(),
            MonitoringAggregations.Assessments(db, from, until).ToQueryString(),
            MonitoringAggregations.Services(db, from, until).ToQueryString(),
            MonitoringAggregations.ValidPlans(db, from).ToQueryString(),
            MonitoringAggregations.Occupancy(db, from).ToQueryString(),
        ];

        Assert.All(statements, sql => Assert.Contains("GROUP BY", sql, StringComparison.Ordinal));
        Assert.Contains("DATEPART(year, [t].[PlannedMoveDate])", statements[0], StringComparison.Ordinal);
        Assert.Contains("COUNT(DISTINCT", statements[3], StringComparison.Ordinal);
    }

    [Fact]
    public void SqlServerMigrations_Script_CreatesClientRelationsAndTheTransfersPersonCopy()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE [client_relations]", script, StringComparison.Ordinal);
        Assert.Contains("[ValidTo] date NULL", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [client_registrations]", script, StringComparison.Ordinal);
        Assert.Contains("[ProtectedPerson] varbinary(1024) NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX [IX_client_relations_InstitutionCode_Kind_ClientId]", script, StringComparison.Ordinal);
    }

    private static SqliteGatewayDbContext SqliteContext(string connectionString) => new(new DbContextOptionsBuilder<SqliteGatewayDbContext>()
        .UseSqlite(connectionString).Options);

    private static async Task<List<string>> TablesAsync(string path) =>
        await SqliteFile.ColumnAsync(path, "SELECT name FROM sqlite_master WHERE type = 'table'");

    private static SqlServerGatewayDbContext SqlServerContext() => new(new DbContextOptionsBuilder<SqlServerGatewayDbContext>()
        .UseSqlServer("Server=unreachable.invalid;Database=deinst").Options);
}
