using DeinstGateway.Persistence.Database;
using DeinstGateway.Server.Tests.Infrastructure;
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
    public void Migrations_BeforeTheFirstRelease_AreOneInitialMigrationPerProvider()
    {
        using var sqlite = new SqliteGatewayDbContext(new DbContextOptionsBuilder<SqliteGatewayDbContext>()
            .UseSqlite("Data Source=:memory:").Options);
        using var sqlServer = SqlServerContext();

        Assert.Single(sqlite.Database.GetMigrations());
        Assert.Equal(sqlite.Database.GetMigrations().Single()[15..], sqlServer.Database.GetMigrations().Single()[15..]);
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

    private static SqlServerGatewayDbContext SqlServerContext() => new(new DbContextOptionsBuilder<SqlServerGatewayDbContext>()
        .UseSqlServer("Server=unreachable.invalid;Database=deinst").Options);
}
