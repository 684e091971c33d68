using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace DeinstGateway.Persistence.Database;

/// <summary>
/// One INSERT or UPDATE command reused for many rows inside one transaction: the set-based
/// write for hot paths, where EF Core's per-entity change tracking costs more than the database.
/// The SQL is plain parameterised SQL that SQLite and SQL Server both accept; values are stored
/// exactly as EF Core stores them (enums by name, DateOnly as a date, DateTime as datetime2). On
/// SQLite the statement is prepared once and bound by position (<see cref="SqliteStatement"/>).
/// </summary>
internal sealed class RowCommand<TRow> : IDisposable
{
    private readonly DbCommand? _command;
    private readonly (DbParameter Parameter, Func<TRow, object?> Value)[] _columns = [];
    private readonly SqliteStatement? _statement;
    private readonly (int Position, Func<TRow, object?> Value)[] _positions = [];

    private RowCommand(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<(string Column, Func<TRow, object?> Value)> columns)
    {
        if (connection is SqliteConnection sqlite)
        {
            // SQLite has one transaction per connection: the statement runs inside `transaction`.
            _statement = new SqliteStatement(sqlite, sql);
            _positions = columns.Select(c => (_statement.PositionOf("@" + c.Column), c.Value)).ToArray();
            return;
        }

        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _columns = columns.Select(c =>
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = "@" + c.Column;
            _command.Parameters.Add(parameter);
            return (parameter, c.Value);
        }).ToArray();
    }

    public static RowCommand<TRow> Insert(
        DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<(string Column, Func<TRow, object?> Value)> columns) =>
        new(connection, transaction, InsertSql(table, columns), columns);

    /// <summary>
    /// Inserts a row unless the table holds one with the same values in <paramref name="uniqueColumns"/>
    /// (the columns of a unique index); then it inserts nothing and the row counts 0. SQLite lets the
    /// index's own check decide (ON CONFLICT DO NOTHING), so the row costs no look-up of its own;
    /// SQL Server has no such clause and looks first, which the writers' lock makes safe.
    /// </summary>
    public static RowCommand<TRow> InsertUnlessPresent(
        DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<(string Column, Func<TRow, object?> Value)> columns,
        IReadOnlyList<string> uniqueColumns)
    {
        return new(connection, transaction,
            connection is SqliteConnection
                ? $"{InsertSql(table, columns)} ON CONFLICT ({string.Join(", ", uniqueColumns)}) DO NOTHING"
                : $"INSERT INTO {table} ({Names(columns)}) SELECT {Parameters(columns)} WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {string.Join(" AND ", uniqueColumns.Select(c => $"{c} = @{c}"))})",
            columns);
    }

    private static string InsertSql(string table, IReadOnlyList<(string Column, Func<TRow, object?> Value)> columns) =>
        $"INSERT INTO {table} ({Names(columns)}) VALUES ({Parameters(columns)})";

    private static string Names(IReadOnlyList<(string Column, Func<TRow, object?> Value)> columns) => string.Join(", ", columns.Select(c => c.Column));

    private static string Parameters(IReadOnlyList<(string Column, Func<TRow, object?> Value)> columns) => string.Join(", ", columns.Select(c => "@" + c.Column));

    /// <summary>Updates the listed columns of the row whose <paramref name="key"/> (the first column) matches.</summary>
    public static RowCommand<TRow> Update(
        DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<(string Column, Func<TRow, object?> Value)> columns)
    {
        var key = columns[0].Column;
        return new(connection, transaction,
            $"UPDATE {table} SET {string.Join(", ", columns.Skip(1).Select(c => $"{c.Column} = @{c.Column}"))} WHERE {key} = @{key}",
            columns);
    }

    /// <summary>Runs the command once per row; returns how many rows it affected in all.</summary>
    public async Task<int> ExecuteAsync(IEnumerable<TRow> rows, CancellationToken cancellationToken)
    {
        var affected = 0;
        foreach (var row in rows)
        {
            affected += await ExecuteAsync(row, cancellationToken);
        }

        return affected;
    }

    /// <summary>Runs the command for one row; returns how many rows it affected.</summary>
    public ValueTask<int> ExecuteAsync(TRow row, CancellationToken cancellationToken)
    {
        if (_statement is null)
        {
            return new ValueTask<int>(ExecuteCommandAsync(row, cancellationToken));
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var (position, value) in _positions)
        {
            _statement.Bind(position, value(row));
        }

        return ValueTask.FromResult(_statement.Execute());
    }

    private Task<int> ExecuteCommandAsync(TRow row, CancellationToken cancellationToken)
    {
        // No explicit Prepare: SQL Server's client would demand a size for every text parameter.
        foreach (var (parameter, value) in _columns)
        {
            Bind(parameter, value(row));
        }

        return _command!.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose()
    {
        _statement?.Dispose();
        _command?.Dispose();
    }

    private static void Bind(DbParameter parameter, object? value)
    {
        switch (value)
        {
            case null:
                parameter.Value = DBNull.Value;
                break;
            case Enum e:
                parameter.DbType = DbType.String;
                parameter.Value = e.ToString();
                break;
            case DateTime time:
                parameter.DbType = DbType.DateTime2;
                parameter.Value = time;
                break;
            case DateOnly date:
                parameter.DbType = DbType.Date;
                parameter.Value = date;
                break;
            default:
                parameter.Value = value;
                break;
        }
    }
}
