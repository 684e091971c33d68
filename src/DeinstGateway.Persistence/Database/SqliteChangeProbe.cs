using DeinstGateway.Core.Feeds;
using Microsoft.Data.Sqlite;

namespace DeinstGateway.Persistence.Database;

/// <summary>
/// SQLite's <c>PRAGMA data_version</c> on one connection of its own: it changes whenever another
/// connection (of this process or another) commits, and reading it costs a few microseconds
/// without touching a table. The first test, and any test after the connection failed, says yes.
/// </summary>
public sealed class SqliteChangeProbe(string connectionString) : IDatabaseChangeProbe, IAsyncDisposable
{
    private SqliteConnection? _connection;
    private SqliteCommand? _dataVersion;
    private long _lastVersion = -1;

    public async ValueTask<bool> MayHaveChangedAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_dataVersion is null)
            {
                _connection = new SqliteConnection(connectionString);
                await _connection.OpenAsync(cancellationToken);
                _dataVersion = _connection.CreateCommand();
                _dataVersion.CommandText = "PRAGMA data_version";
            }

            var version = (long)(await _dataVersion.ExecuteScalarAsync(cancellationToken))!;
            var changed = version != _lastVersion;
            _lastVersion = version;
            return changed;
        }
        catch (SqliteException)
        {
            await DisposeAsync();
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataVersion is not null)
        {
            await _dataVersion.DisposeAsync();
            _dataVersion = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }

        _lastVersion = -1;
    }
}
