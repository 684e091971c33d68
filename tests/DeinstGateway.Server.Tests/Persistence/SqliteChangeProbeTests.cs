using DeinstGateway.Persistence.Database;
using DeinstGateway.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DeinstGateway.Server.Tests.Persistence;

/// <summary>The feed watcher's test for other processes' commits: yes after any commit elsewhere, no while nothing changed.</summary>
public sealed class SqliteChangeProbeTests
{
    [Fact]
    public async Task MayHaveChanged_AcrossCommitsOfAnotherConnection_SaysYesOncePerChange()
    {
        var path = GatewayProcess.NewDatabasePath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        await using var writer = new SqliteConnection(connectionString);
        await writer.OpenAsync();
        await Execute(writer, "PRAGMA journal_mode=WAL; CREATE TABLE t (x INTEGER)");
        await using var probe = new SqliteChangeProbe(connectionString);

        var first = await probe.MayHaveChangedAsync(CancellationToken.None);
        var idle = await probe.MayHaveChangedAsync(CancellationToken.None);
        await Execute(writer, "INSERT INTO t VALUES (1)");
        var afterCommit = await probe.MayHaveChangedAsync(CancellationToken.None);
        var idleAgain = await probe.MayHaveChangedAsync(CancellationToken.None);
        await Execute(writer, "BEGIN; INSERT INTO t VALUES (2); ROLLBACK");
        var afterRollback = await probe.MayHaveChangedAsync(CancellationToken.None);

        Assert.Equal((true, false, true, false, false), (first, idle, afterCommit, idleAgain, afterRollback));
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
