using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DeinstGateway.Persistence.Database;

/// <summary>
/// WAL lets readers run beside the one writer (several gateway processes may share the file);
/// synchronous=NORMAL under WAL never loses a committed transaction to a process crash, only
/// possibly the last ones to a power cut, at a fraction of FULL's cost per commit. A 32 MiB page
/// cache keeps the indexes of random keys (UUIDs, hashes) in memory as the tables grow.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-32768;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
