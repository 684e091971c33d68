using DeinstGateway.Persistence.Database;
using DeinstGateway.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DeinstGateway.Server.Tests.Persistence;

/// <summary>
/// Each provider's committed migrations must describe the current model. SQL Server cannot run
/// here, but its migrations and their SQL are checked without a connection.
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
    public async Task SqliteUpgrade_FromHexPersonalCodeHashes_StoresTheSameBytesAndBack()
    {
        var path = GatewayProcess.NewDatabasePath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var hash = Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 1)).ToArray();
        var former = Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray();
        const string Stored =
            "SELECT Id || ' ' || typeof(PersonalCodeHash) || ' ' || PersonalCodeHash || ' ' || typeof(FormerPersonalCodeHash) || ' ' || coalesce(FormerPersonalCodeHash, '') FROM clients ORDER BY Id";
        const string StoredAsHex =
            "SELECT Id || ' ' || typeof(PersonalCodeHash) || ' ' || hex(PersonalCodeHash) || ' ' || typeof(FormerPersonalCodeHash) || ' ' || hex(FormerPersonalCodeHash) FROM clients ORDER BY Id";
        await using var db = new SqliteGatewayDbContext(new DbContextOptionsBuilder<SqliteGatewayDbContext>()
            .UseSqlite($"Data Source={path};Pooling=False").Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261123164928_PartialIndexes");
        // As the gateway wrote clients before: hashes as upper-case hex text.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO clients (Id, PersonalCodeHash, FormerPersonalCodeHash, ProtectedIdentity, BirthDate, CreateTime, UpdateTime) VALUES ('a', {Convert.ToHexString(hash)}, {Convert.ToHexString(former)}, x'00', '1980-01-01', '2026-01-01 00:00:00', '2026-01-01 00:00:00'), ('b', {Convert.ToHexString(former.Reverse().ToArray())}, NULL, x'00', '1980-01-01', '2026-01-01 00:00:00', '2026-01-01 00:00:00')");
        var before = await SqliteFile.ColumnAsync(path, Stored);

        await migrator.MigrateAsync();
        var upgraded = await SqliteFile.ColumnAsync(path, StoredAsHex);
        await migrator.MigrateAsync("20261123164928_PartialIndexes");
        var downgraded = await SqliteFile.ColumnAsync(path, Stored);

        Assert.Equal(
            [$"a blob {Convert.ToHexString(hash)} blob {Convert.ToHexString(former)}", $"b blob {Convert.ToHexString(former.Reverse().ToArray())} null "],
            upgraded);
        Assert.Equal(before, downgraded);
    }

    [Fact]
    public async Task SqliteUpgrade_FromTextRequestKeys_KeepsEachTransferAndRecordRequestIdAsItsBytesAndBack()
    {
        var path = GatewayProcess.NewDatabasePath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        const string requestId = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0ff";
        await using var db = new SqliteGatewayDbContext(new DbContextOptionsBuilder<SqliteGatewayDbContext>()
            .UseSqlite($"Data Source={path};Pooling=False").Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261123170124_PersonalCodeHashBytes");
        // As the gateway stored transfers before: "{submitter}|{request id}".
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO institutions (Code, Kind, DisplayName) VALUES ('vsac-a', 'StateCareCentre', 'A'), ('mun-b', 'Municipality', 'B');
            INSERT INTO clients (Id, PersonalCodeHash, ProtectedIdentity, BirthDate, CreateTime, UpdateTime) VALUES ('c', x'01', x'00', '1980-01-01', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            INSERT INTO transfers (Id, CaseNumber, SourceCode, SubmitterCode, BusinessKey, RequestKey, ContentHash, ClientId, TargetGroup,
                DestinationMunicipalityCode, RequestedServices, PlannedMoveDate, SupportPlanReference, State, Version, CreateTime, UpdateTime)
            VALUES ('t', 'K-1', 'vsac-a', 'vsac-a', 'vsac-a|K-1', {"vsac-a|" + requestId}, x'00', 'c', 'AdultWithIntellectualOrMentalDisability',
                'mun-b', '1', '2026-12-01', 'IAP-1', 'Submitted', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            INSERT INTO service_records (Id, RequestKey, ContentHash, ClientId, ServiceType, ProviderCode, FirstDay, LastDay, Quantity, Unit,
                CostCents, FundingSource, RecordedByCode, RecordTime)
            VALUES ('r', {"mun-b|" + requestId}, x'00', 'c', 'GroupHome', 'mun-b', '2026-01-01', '2026-01-01', 1, 'Places', 100, 'MunicipalBudget',
                'mun-b', '2026-01-02 00:00:00');
            """);
        const string Upgraded = """
            SELECT 'transfer ' || lower(hex(RequestId)) || ' ' || SubmitterCode FROM transfers
            UNION ALL SELECT 'record ' || lower(hex(RequestId)) || ' ' || RecordedByCode FROM service_records
            """;
        const string Downgraded = "SELECT RequestKey FROM transfers UNION ALL SELECT RequestKey FROM service_records";

        await migrator.MigrateAsync();
        var upgraded = await SqliteFile.ColumnAsync(path, Upgraded);
        await migrator.MigrateAsync("20261123170124_PersonalCodeHashBytes");
        var downgraded = await SqliteFile.ColumnAsync(path, Downgraded);

        var hex = requestId.Replace("-", "", StringComparison.Ordinal);
        Assert.Equal([$"transfer {hex} vsac-a", $"record {hex} mun-b"], upgraded);
        Assert.Equal(["vsac-a|" + requestId, "mun-b|" + requestId], downgraded);
    }

    [Fact]
    public async Task SqliteUpgrade_ToServiceRecordWithdrawal_AddsTheColumnsInPlaceAndLeavesEachRecordStandingAndBack()
    {
        const string before = "20261123173956_ServiceRecordRequestIdBytes";
        const string withdrawal = "20261123180613_ServiceRecordWithdrawal";
        var path = GatewayProcess.NewDatabasePath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var db = new SqliteGatewayDbContext(new DbContextOptionsBuilder<SqliteGatewayDbContext>()
            .UseSqlite($"Data Source={path};Pooling=False").Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(before);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO institutions (Code, Kind, DisplayName) VALUES ('mun-b', 'Municipality', 'B');
            INSERT INTO clients (Id, PersonalCodeHash, ProtectedIdentity, BirthDate, CreateTime, UpdateTime) VALUES ('c', x'01', x'00', '1980-01-01', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            INSERT INTO service_records (Id, RequestId, ContentHash, ClientId, ServiceType, ProviderCode, FirstDay, LastDay, Quantity, Unit,
                CostCents, FundingSource, RecordedByCode, RecordTime)
            VALUES ('r', x'0f1e2d3c4b5a49788695a4b3c2d1e0ff', x'00', 'c', 'GroupHome', 'mun-b', '2026-01-01', '2026-01-01', 1, 'Places', 100,
                'MunicipalBudget', 'mun-b', '2026-01-02 00:00:00');
            """);
        var stored = await SqliteFile.DumpAsync(path, "service_records", "Id");

        var scripts = migrator.GenerateScript(before, withdrawal) + migrator.GenerateScript(withdrawal, before);
        await migrator.MigrateAsync(withdrawal);
        var upgraded = await SqliteFile.DumpAsync(path, "service_records", "Id");
        await migrator.MigrateAsync(before);
        var downgraded = await SqliteFile.DumpAsync(path, "service_records", "Id");

        // EF Core's table rebuild would copy the rows through a table named ef_temp_service_records.
        Assert.DoesNotContain("ef_temp_", scripts, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE \"service_records\" ADD \"WithdrawTime\" TEXT NULL;", scripts, StringComparison.Ordinal);
        Assert.Equal(stored.Replace(Environment.NewLine, "<null>|<null>|<null>|" + Environment.NewLine, StringComparison.Ordinal), upgraded);
        Assert.Equal(stored, downgraded);
    }

    [Fact]
    public void SqlServerMigrations_Script_OnlyAddsTheWithdrawalColumnsAsNullable()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript("20261123174006_ServiceRecordRequestIdBytes", "20261123180621_ServiceRecordWithdrawal");

        Assert.Equal(
            [
                "ALTER TABLE [service_records] ADD [WithdrawTime] datetime2 NULL;",
                "ALTER TABLE [service_records] ADD [WithdrawalReason] nvarchar(24) NULL;",
                "ALTER TABLE [service_records] ADD [WithdrawnByCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL;",
            ],
            script.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("ALTER TABLE", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("20261123170132_PersonalCodeHashBytes", "20261123172034_TransferRequestIdBytes", "transfers", "SubmitterCode")]
    [InlineData("20261123172034_TransferRequestIdBytes", "20261123174006_ServiceRecordRequestIdBytes", "service_records", "RecordedByCode")]
    public void SqlServerMigrations_Script_ConvertsTextRequestKeysToRequestIdBytes(string from, string to, string table, string sender)
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript(from, to);

        Assert.Contains($"ALTER TABLE [{table}] ADD [RequestId] varbinary(16) NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("CONVERT(varbinary(16), REPLACE(SUBSTRING([RequestKey], CHARINDEX('|', [RequestKey]) + 1, 36), '-', ''), 2)", script, StringComparison.Ordinal);
        Assert.Contains($"CREATE UNIQUE INDEX [IX_{table}_RequestId_{sender}] ON [{table}] ([RequestId], [{sender}]);", script, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlServerMigrations_Script_ConvertsHexPersonalCodeHashesToBytes()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript("20261123164945_PartialIndexes", "20261123170132_PersonalCodeHashBytes");

        Assert.Contains("ALTER TABLE [clients] ADD [PersonalCodeHashNew] varbinary(32) NULL;", script, StringComparison.Ordinal);
        Assert.Contains("UPDATE [clients] SET [PersonalCodeHashNew] = CONVERT(varbinary(32), [PersonalCodeHash], 2);", script, StringComparison.Ordinal);
        Assert.Contains("UPDATE [clients] SET [FormerPersonalCodeHashNew] = CONVERT(varbinary(32), [FormerPersonalCodeHash], 2);", script, StringComparison.Ordinal);
        Assert.Contains("EXEC sp_rename N'[clients].[PersonalCodeHashNew]', N'PersonalCodeHash', 'COLUMN';", script, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE [clients] ALTER COLUMN [PersonalCodeHash] varbinary(32) NOT NULL;", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_clients_FormerPersonalCodeHash] ON [clients] ([FormerPersonalCodeHash]) WHERE FormerPersonalCodeHash IS NOT NULL;", script, StringComparison.Ordinal);
    }

    private static SqlServerGatewayDbContext SqlServerContext() => new(new DbContextOptionsBuilder<SqlServerGatewayDbContext>()
        .UseSqlServer("Server=unreachable.invalid;Database=deinst").Options);
}
