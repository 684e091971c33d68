using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>One column of a baseline table, typed as the gateway's migration types it.</summary>
public sealed record RawColumn(string Name, SqliteType Type, bool Nullable = false);

/// <summary>A table shaped like one of the gateway's, with its primary key and no other index.</summary>
public sealed record RawTable(string Name, string PrimaryKey, IReadOnlyList<RawColumn> Columns)
{
    public string CreateSql =>
        $"CREATE TABLE {Name} ({string.Join(", ", Columns.Select(c => $"{c.Name} {c.Type.ToString().ToUpperInvariant()}{(c.Nullable ? "" : " NOT NULL")}"))}, PRIMARY KEY ({PrimaryKey}))";

    public string InsertSql =>
        $"INSERT INTO {Name} ({string.Join(", ", Columns.Select(c => c.Name))}) VALUES ({string.Join(", ", Columns.Select((_, i) => "$p" + i))})";
}

/// <summary>
/// What SQLite itself does on this machine for rows of a given shape: a fresh file, WAL with
/// synchronous=NORMAL (as the gateway opens its connections), one prepared INSERT reused, a fixed
/// number of rows per transaction. The rows are built before timing.
/// </summary>
public static class RawSqliteBaseline
{
    public const int RowsPerTransaction = 1000;
    public const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";

    /// <param name="rows">One value per column, in column order; null stores NULL.</param>
    public static TimeSpan Measure(string databasePath, RawTable table, IReadOnlyList<object?[]> rows)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        TimeSpan elapsed;
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            Execute(connection, Pragmas);
            Execute(connection, table.CreateSql);

            using var insert = connection.CreateCommand();
            insert.CommandText = table.InsertSql;
            var parameters = table.Columns.Select((c, i) => insert.Parameters.Add("$p" + i, c.Type)).ToArray();
            insert.Prepare();

            var start = Stopwatch.GetTimestamp();
            for (var first = 0; first < rows.Count; first += RowsPerTransaction)
            {
                using var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                var end = Math.Min(first + RowsPerTransaction, rows.Count);
                for (var r = first; r < end; r++)
                {
                    var row = rows[r];
                    for (var c = 0; c < parameters.Length; c++)
                    {
                        parameters[c].Value = row[c] ?? DBNull.Value;
                    }

                    insert.ExecuteNonQuery();
                }

                transaction.Commit();
            }

            elapsed = Stopwatch.GetElapsedTime(start);
        }

        var stored = CountRows(databasePath, table.Name);
        if (stored != rows.Count)
        {
            throw new BenchmarkFailedException($"the raw baseline table holds {stored} rows, expected {rows.Count}");
        }

        return elapsed;
    }

    /// <summary>Rows in a table of a SQLite file, read on a connection of its own.</summary>
    public static long CountRows(string databasePath, string table)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)count.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
