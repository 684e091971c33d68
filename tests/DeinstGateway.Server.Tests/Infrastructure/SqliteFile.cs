using System.Text;
using Microsoft.Data.Sqlite;

namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>Reads a gateway's SQLite file directly, as an operator with the file would.</summary>
public static class SqliteFile
{
    public static async Task<List<string>> ColumnAsync(string databasePath, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.IsDBNull(0) ? "<null>" : reader.GetValue(0).ToString()!);
        }

        return values;
    }

    public static async Task<long> CountAsync(string databasePath, string table) =>
        long.Parse((await ColumnAsync(databasePath, $"SELECT COUNT(*) FROM {table}")).Single(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Changes the file behind the gateway's back, as someone with write access to it could.</summary>
    public static async Task ExecuteAsync(string databasePath, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of the table, every column, as text lines in key order.</summary>
    public static async Task<string> DumpAsync(string databasePath, string table, string orderBy)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {orderBy}";
        await using var reader = await command.ExecuteReaderAsync();
        var dump = new StringBuilder();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                dump.Append(reader.IsDBNull(i) ? "<null>" : reader.GetValue(i)).Append('|');
            }

            dump.AppendLine();
        }

        return dump.ToString();
    }

    /// <summary>
    /// Reads the database file and its journal files byte by byte, as a thief with the files
    /// would, and fails if any of the personal codes is in them, hyphenated or not.
    /// </summary>
    public static void AssertHoldsNoneOf(string databasePath, IEnumerable<string> personalCodes)
    {
        var databaseFiles = Directory.GetFiles(Path.GetDirectoryName(databasePath)!, Path.GetFileName(databasePath) + "*");
        var contents = databaseFiles.Select(f => Encoding.Latin1.GetString(ReadShared(f))).ToList();

        Assert.Contains(databaseFiles, f => f.EndsWith(".db", StringComparison.Ordinal));
        foreach (var code in personalCodes)
        {
            var digits = code.Replace("-", string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(contents, text => text.Contains(digits, StringComparison.Ordinal) || text.Contains(code, StringComparison.Ordinal));
        }
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
