using DeinstGateway.Persistence.Registry;
using DeinstGateway.Persistence.Monitoring;
using DeinstGateway.Persistence.Capacity;
using DeinstGateway.Core.Registry;
using DeinstGateway.Persistence.Database;
using DeinstGateway.Persistence.ServiceRecords;
using DeinstGateway.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DeinstGateway.Server.Tests.Persistence;

/// <summary>
/// Each provider's committed migrations must describe the current model. SQL Server cannot run
/// here, but its migrations and their SQL are checked without a connection. Before the first
/// release the history was squashed into one migration per provider; every model change after it
/// is a migration of its own with an upgrade test here.
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
    public void Migrations_AfterTheSquash_AreTheSameChangesForBothProviders()
    {
        using var sqlite = new SqliteGatewayDbContext(new DbContextOptionsBuilder<SqliteGatewayDbContext>()
            .UseSqlite("Data Source=:memory:").Options);
        using var sqlServer = SqlServerContext();

        Assert.Equal("Initial", sqlite.Database.GetMigrations().First()[15..]);
        Assert.Contains("ProjectsAndRecipients", sqlite.Database.GetMigrations().Select(m => m[15..]));
        Assert.Contains("MonitoringAssessmentsOccupancy", sqlite.Database.GetMigrations().Select(m => m[15..]));
        Assert.Equal(sqlite.Database.GetMigrations().Select(m => m[15..]), sqlServer.Database.GetMigrations().Select(m => m[15..]));
    }

    [Fact]
    public async Task SqliteMigration_ProjectsAndRecipients_KeepsEveryServiceRecordAndNamesItsProject_AndBack()
    {
        // Arrange: a database at the initial migration holding an ESF record of Zemgale's project and a municipal one.
        var path = Path.Combine(Path.GetTempPath(), $"deinst-upgrade-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = SqliteContext(path))
            {
                var migrator = db.GetService<IMigrator>();
                await migrator.MigrateAsync(db.Database.GetMigrations().First());
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO institutions (Code, Kind, DisplayName) VALUES ('prov-a', 'ServiceProvider', 'A');
                    INSERT INTO clients (Id, PersonalCodeHash, ProtectedIdentity, BirthDate, TargetGroup, CreateTime, UpdateTime)
                        VALUES ('c1', x'00', x'00', '2010-05-14', 'ChildWithFunctionalImpairment', '2024-01-01 00:00:00', '2024-01-01 00:00:00');
                    INSERT INTO service_records (Id, RequestId, ContentHash, ClientId, ServiceType, ProviderCode, FirstDay, LastDay, Quantity, Unit,
                        CostCents, FundingSource, EsfProjectCode, RecordedByCode, RecordTime)
                    VALUES ('r1', x'01', x'00', 'c1', 'RespiteCare', 'prov-a', '2020-03-02', '2020-03-02', 1, 'Days', 4500, 'EsfProject', '9.2.2.1/15/I/001', 'prov-a', '2024-01-01 00:00:00'),
                           ('r2', x'02', x'00', 'c1', 'RespiteCare', 'prov-a', '2024-03-04', '2024-03-04', 1, 'Days', 4500, 'MunicipalBudget', NULL, 'prov-a', '2024-01-01 00:00:00');
                    """);

                // Act
                await migrator.MigrateAsync();
            }

            // Assert
            Assert.Equal(
                ["r1 esf-zemgale Client 4500 9.2.2.1/15/I/001", "r2 none Client 4500 <null>"],
                await SqliteFile.ColumnAsync(path, "SELECT Id || ' ' || ProjectCode || ' ' || RecipientKind || ' ' || CostCents || ' ' || COALESCE(EsfProjectCode, '<null>') FROM service_records ORDER BY Id"));
            Assert.Equal(["projects"], await SqliteFile.ColumnAsync(path, "SELECT name FROM sqlite_master WHERE name IN ('projects', 'esf_projects')"));
            // FundingReportIndex: the index a region's funding report reads instead of the table.
            Assert.Equal(["IX_service_records_Funding"], await SqliteFile.ColumnAsync(path, "SELECT name FROM sqlite_master WHERE name = 'IX_service_records_Funding'"));
            // ServiceRecordDayTotals: the records stored before it are summed into their days.
            Assert.Equal(
                ["prov-a 2020-03-02 RespiteCare EsfProject esf-zemgale 1 0 4500", "prov-a 2024-03-04 RespiteCare MunicipalBudget none 1 0 4500"],
                await SqliteFile.ColumnAsync(path,
                    "SELECT ProviderCode || ' ' || FirstDay || ' ' || ServiceType || ' ' || FundingSource || ' ' || ProjectCode || ' ' || Records || ' ' || CostHigh || ' ' || CostLow FROM service_record_day_totals ORDER BY FirstDay"));

            // And back: the downgrade keeps the records too.
            await using (var db = SqliteContext(path))
            {
                await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First());
            }

            Assert.Equal(["r1", "r2"], await SqliteFile.ColumnAsync(path, "SELECT Id FROM service_records ORDER BY Id"));
            Assert.Equal(["esf_projects"], await SqliteFile.ColumnAsync(path, "SELECT name FROM sqlite_master WHERE name IN ('projects', 'esf_projects')"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public void SqlServerMigrations_Script_NamesEachStoredRecordsProject()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript(db.Database.GetMigrations().First());

        Assert.Contains("ALTER TABLE [service_records] ADD [ProjectCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL DEFAULT N'none'", script, StringComparison.Ordinal);
        Assert.Contains("UPDATE [service_records] SET [ProjectCode] = 'esf-zemgale' WHERE [EsfProjectCode] = '9.2.2.1/15/I/001'", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [projects]", script, StringComparison.Ordinal);
        Assert.Contains("DROP TABLE [esf_projects]", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqliteUpgrade_FromTheMigrationBefore_KeepsTheDataAndAddsAssessmentsAndOccupancy()
    {
        var path = GatewayProcess.NewDatabasePath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var before = SqliteContext(path))
        {
            // The migration before this one, whichever branch's it is.
            var migrations = before.Database.GetMigrations().ToList();
            await before.GetService<IMigrator>().MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_MonitoringAssessmentsOccupancy", StringComparison.Ordinal)) - 1]);
            before.Institutions.Add(new InstitutionRow { Code = "vsac-upgrade", Kind = InstitutionKind.StateCareCentre, DisplayName = "Upgrade" });
            await before.SaveChangesAsync();
            Assert.DoesNotContain("institution_occupancy", await TablesAsync(path));
        }

        await using (var after = SqliteContext(path))
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

    /// <summary>The funding report sums the day totals in SQL on SQL Server too, leaving out lines with no standing record.</summary>
    [Fact]
    public void FundingTotals_ForSqlServer_SumInTheDatabase()
    {
        using var db = SqlServerContext();

        var sql = FundingTotalsQuery.Lines(db, ["prov-a"], new DateOnly(2023, 1, 1), new DateOnly(2024, 1, 1), "esf-zemgale").ToQueryString();

        Assert.Contains("FROM [service_record_day_totals]", sql, StringComparison.Ordinal);
        Assert.Contains("GROUP BY", sql, StringComparison.Ordinal);
        Assert.Contains("HAVING COALESCE(SUM([s].[Records]), CAST(0 AS bigint)) > CAST(0 AS bigint)", sql, StringComparison.Ordinal);
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

    /// <summary>
    /// The scripts a DBA applies (Database:MigrateAtStart=false) are checked in; they must be what
    /// the committed migrations generate, as <c>dotnet ef migrations script</c> writes them.
    /// </summary>
    [Fact]
    public void CheckedInScripts_AgainstTheMigrations_AreWhatTheyGenerate()
    {
        using var sqlite = new SqliteGatewayDbContext(new DbContextOptionsBuilder<SqliteGatewayDbContext>()
            .UseSqlite("Data Source=:memory:").Options);
        using var sqlServer = SqlServerContext();

        // SQLite has no idempotent form (EF Core cannot guard its DDL); its script builds an empty database.
        var sqliteScript = sqlite.GetService<IMigrator>().GenerateScript();
        var sqlServerScript = sqlServer.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.True(sqliteScript == CheckedIn("sqlite.sql"), Regenerate("sqlite.sql", "SqliteGatewayDbContext", idempotent: false));
        Assert.True(sqlServerScript == CheckedIn("sqlserver.sql"), Regenerate("sqlserver.sql", "SqlServerGatewayDbContext", idempotent: true));
    }

    private static string CheckedIn(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scripts", name)).ReplaceLineEndings(Environment.NewLine);

    private static string Regenerate(string name, string context, bool idempotent) =>
        $"Scripts/{name} is not what the migrations generate. In src/DeinstGateway.Persistence run: " +
        $"dotnet ef migrations script{(idempotent ? " --idempotent" : string.Empty)} --context {context} --output Scripts/{name}";

    private static SqliteGatewayDbContext SqliteContext(string path) => new(new DbContextOptionsBuilder<SqliteGatewayDbContext>()
        .UseSqlite($"Data Source={path}").Options);

    private static async Task<List<string>> TablesAsync(string path) =>
        await SqliteFile.ColumnAsync(path, "SELECT name FROM sqlite_master WHERE type = 'table'");

    private static SqlServerGatewayDbContext SqlServerContext() => new(new DbContextOptionsBuilder<SqlServerGatewayDbContext>()
        .UseSqlServer("Server=unreachable.invalid;Database=deinst").Options);
}
