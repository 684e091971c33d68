using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>
/// A statement of a database floor (<c>TransferWriteFloor</c>, <c>ServiceRecordWriteFloor</c>):
/// prepared once and bound by position through SQLite's own API, so that the floor costs what
/// SQLite costs and nothing of the gateway's code.
/// </summary>
public sealed class FloorStatement : IDisposable
{
    /// <summary>The pragmas the gateway sets on its own connections (<c>SqlitePragmas</c>).</summary>
    public const string GatewayPragmas = RawSqliteBaseline.Pragmas + " PRAGMA foreign_keys=ON; PRAGMA cache_size=-32768; PRAGMA wal_autocheckpoint=16384;";

    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public FloorStatement(sqlite3 database, string sql)
    {
        _database = database;
        Check(raw.sqlite3_prepare_v2(database, sql, out _statement));
    }

    /// <param name="onConflict">An upsert clause, e.g. <c>ON CONFLICT (A, B) DO NOTHING</c>, or empty.</param>
    public static FloorStatement Insert(sqlite3 database, string table, IReadOnlyList<string> columns, string onConflict = "") =>
        new(database, $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1)))}) {onConflict}");

    /// <summary>A JSON array of the values, as the gateway binds a collection (one parameter read with json_each).</summary>
    public static string Json(IEnumerable<string> values) => System.Text.Json.JsonSerializer.Serialize(values);

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Writes the rows batch by batch, each batch in one write transaction; the time it all took.</summary>
    public static TimeSpan TimeBatches<T>(SqliteConnection connection, T[] rows, int batchSize, Action<T[]> write)
    {
        var start = Stopwatch.GetTimestamp();
        for (var first = 0; first < rows.Length; first += batchSize)
        {
            Execute(connection, "BEGIN IMMEDIATE");
            write(rows.AsSpan(first, Math.Min(batchSize, rows.Length - first)).ToArray());
            Execute(connection, "COMMIT");
        }

        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>Fails the benchmark unless the floor's table holds exactly the rows it wrote.</summary>
    public static void ExpectRows(string databasePath, string table, int expected)
    {
        var stored = RawSqliteBaseline.CountRows(databasePath, table);
        if (stored != expected)
        {
            throw new BenchmarkFailedException($"the floor's {table} table holds {stored} rows, expected {expected}");
        }
    }

    public void Run(object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Check(values[i] switch
            {
                null => raw.sqlite3_bind_null(_statement, i + 1),
                string text => raw.sqlite3_bind_text(_statement, i + 1, text),
                byte[] bytes => raw.sqlite3_bind_blob(_statement, i + 1, bytes),
                long number => raw.sqlite3_bind_int64(_statement, i + 1, number),
                var other => throw new NotSupportedException(other.GetType().Name),
            });
        }

        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }
    }

    /// <summary>Runs a query to its last row, as a reader would, and drops the rows.</summary>
    public void Query(params string[] parameters)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            Check(raw.sqlite3_bind_text(_statement, i + 1, parameters[i]));
        }

        int rc;
        while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
        {
        }

        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new BenchmarkFailedException($"SQLite {rc}: {raw.sqlite3_errmsg(_database).utf8_to_string()}");
        }
    }
}
