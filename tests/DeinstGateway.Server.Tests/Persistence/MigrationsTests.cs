using DeinstGateway.Persistence.Database;
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

    private static SqlServerGatewayDbContext SqlServerContext() => new(new DbContextOptionsBuilder<SqlServerGatewayDbContext>()
        .UseSqlServer("Server=unreachable.invalid;Database=deinst").Options);
}
