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
    public async Task SqliteUpgrade_FromHexPersonalCodeHashes_StoresTheSameBytes()
    {
        var path = GatewayProcess.NewDatabasePath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var hash = Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 1)).ToArray();
        var former = Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray();
        await using (var db = new SqliteGatewayDbContext(new DbContextOptionsBuilder<SqliteGatewayDbContext>()
            .UseSqlite($"Data Source={path};Pooling=False").Options))
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261123164928_PartialIndexes");
            // As the gateway wrote clients before: hashes as upper-case hex text.
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO clients (Id, PersonalCodeHash, FormerPersonalCodeHash, ProtectedIdentity, BirthDate, CreateTime, UpdateTime) VALUES ('a', {Convert.ToHexString(hash)}, {Convert.ToHexString(former)}, x'00', '1980-01-01', '2026-01-01 00:00:00', '2026-01-01 00:00:00'), ('b', {Convert.ToHexString(former.Reverse().ToArray())}, NULL, x'00', '1980-01-01', '2026-01-01 00:00:00', '2026-01-01 00:00:00')");

            await migrator.MigrateAsync();
        }

        Assert.Equal(
            [$"a blob {Convert.ToHexString(hash)} blob {Convert.ToHexString(former)}", $"b blob {Convert.ToHexString(former.Reverse().ToArray())} null "],
            await SqliteFile.ColumnAsync(path,
                "SELECT Id || ' ' || typeof(PersonalCodeHash) || ' ' || hex(PersonalCodeHash) || ' ' || typeof(FormerPersonalCodeHash) || ' ' || hex(FormerPersonalCodeHash) FROM clients ORDER BY Id"));
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
