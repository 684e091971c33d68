using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DeinstGateway.Persistence.Database;

/// <summary>
/// One prepared SQLite statement run many times with values bound by position. Microsoft.Data.Sqlite
/// looks every parameter up by name on every execution (a linear search of the statement's
/// names per parameter per row); on the batch writes that cost more than SQLite's own insert work.
/// Values are stored as Microsoft.Data.Sqlite and EF Core store them, so EF Core reads them back.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_database, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _database);
    }

    /// <summary>The position of a parameter named in the SQL (e.g. <c>@Id</c>).</summary>
    public int PositionOf(string parameterName)
    {
        var position = raw.sqlite3_bind_parameter_index(_statement, parameterName);
        return position > 0 ? position : throw new ArgumentException($"The statement has no parameter {parameterName}.", nameof(parameterName));
    }

    public void Bind(int position, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, position),
            string text => raw.sqlite3_bind_text(_statement, position, text),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, position, bytes),
            int number => raw.sqlite3_bind_int64(_statement, position, number),
            long number => raw.sqlite3_bind_int64(_statement, position, number),
            bool flag => raw.sqlite3_bind_int64(_statement, position, flag ? 1 : 0),
            Enum name => raw.sqlite3_bind_text(_statement, position, name.ToString()),
            DateTime time => raw.sqlite3_bind_text(_statement, position, time.ToString(StoredTime.SqliteFormat, CultureInfo.InvariantCulture)),
            DateOnly date => raw.sqlite3_bind_text(_statement, position, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"No SQLite binding for {value.GetType()}."),
        };
        SqliteException.ThrowExceptionForRC(rc, _database);
    }

    /// <summary>Runs the statement with the values bound; returns the rows it changed.</summary>
    public int Execute()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _database);
            }

            return raw.sqlite3_changes(_database);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();
}
