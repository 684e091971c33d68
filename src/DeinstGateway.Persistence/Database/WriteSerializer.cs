using System.Data;
using DeinstGateway.Core.Errors;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DeinstGateway.Persistence.Database;

/// <summary>
/// Makes transactions that append feed events commit in the order of their sequence numbers, so
/// a reader that has seen sequence N can never later find a smaller one committed behind it.
/// </summary>
public interface IWriteSerializer
{
    Task EnterAsync(GatewayDbContext db, CancellationToken cancellationToken);
}

public static class WriteTransactions
{
    /// <summary>
    /// A write transaction that has entered the serializer, for a caller that keeps it open across
    /// calls (a registration, a recording); disposed here if entering fails.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginWriteAsync(this IWriteSerializer serializer, GatewayDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await serializer.EnterAsync(db, cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}

/// <summary>SQLite's write transactions (BEGIN IMMEDIATE) already run one at a time, across processes.</summary>
internal sealed class SqliteWriteSerializer : IWriteSerializer
{
    public Task EnterAsync(GatewayDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>SQL Server hands out IDENTITY values before commit; an application lock held to the end of the transaction orders the commits.</summary>
internal sealed class SqlServerWriteSerializer : IWriteSerializer
{
    public async Task EnterAsync(GatewayDbContext db, CancellationToken cancellationToken)
    {
        var result = new SqlParameter(SqlServerWriteLock.ResultParameter, SqlDbType.Int) { Direction = ParameterDirection.Output };
        await db.Database.ExecuteSqlRawAsync(SqlServerWriteLock.Acquire, [result], cancellationToken);
        SqlServerWriteLock.EnsureGranted(result.Value);
    }
}

/// <summary>
/// The SQL Server writers' lock: <c>sp_getapplock</c> owned by the transaction. The procedure does
/// not raise an error when it cannot grant the lock (it returns -1 after the time-out, -2 when
/// cancelled, -3 as a deadlock victim, -999 on a bad call), so its return code is checked: a write
/// without the lock would break the order of feed sequences and the access log's chain.
/// </summary>
public static class SqlServerWriteLock
{
    public const string ResultParameter = "@result";

    public const string Acquire =
        "EXEC " + ResultParameter + " = sp_getapplock @Resource = N'deinst-transfer-writes', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000";

    public const string NotGranted = "WRITE_LOCK_NOT_GRANTED";

    /// <summary>Returns when the lock was granted (0, or 1 after waiting); otherwise throws, and the caller's transaction writes nothing.</summary>
    /// <exception cref="StoreUnavailableException">The lock was not granted.</exception>
    public static void EnsureGranted(object? returnCode)
    {
        if (returnCode is not int code || code < 0)
        {
            throw new StoreUnavailableException(NotGranted,
                $"The database's write lock was not granted (sp_getapplock returned {returnCode ?? "nothing"}); nothing was written. Retry the call.");
        }
    }
}
