using Microsoft.Data.Sqlite;

namespace DeinstGateway.Server.Tests.Hostile;

/// <summary>
/// The number of rows of every table of a gateway's SQLite file, read directly from the file.
/// Left out: the migrations history, and the access log, to which audited attempts, refused ones
/// too, rightly append.
/// </summary>
public static class RowCounts
{
    public static async Task<IReadOnlyDictionary<string, long>> ReadAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => t != "__EFMigrationsHistory" && !t.StartsWith("access_log", StringComparison.Ordinal)))
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }

    /// <summary>After minus before, per table, leaving out the tables that did not change.</summary>
    public static IReadOnlyDictionary<string, long> Delta(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        after.Keys.Union(before.Keys)
            .Select(t => (Table: t, Change: after.GetValueOrDefault(t) - before.GetValueOrDefault(t)))
            .Where(c => c.Change != 0)
            .ToDictionary(c => c.Table, c => c.Change, StringComparer.Ordinal);
}
