using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.Database;

/// <summary>
/// Makes transactions that append feed events commit in the order of their sequence numbers, so
/// a reader that has seen sequence N can never later find a smaller one committed behind it.
/// </summary>
public interface IWriteSerializer
{
    Task EnterAsync(GatewayDbContext db, CancellationToken cancellationToken);
}

/// <summary>SQLite's write transactions (BEGIN IMMEDIATE) already run one at a time, across processes.</summary>
internal sealed class SqliteWriteSerializer : IWriteSerializer
{
    public Task EnterAsync(GatewayDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>SQL Server hands out IDENTITY values before commit; an application lock held to the end of the transaction orders the commits.</summary>
internal sealed class SqlServerWriteSerializer : IWriteSerializer
{
    public Task EnterAsync(GatewayDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            "EXEC sp_getapplock @Resource = N'deinst-transfer-writes', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000",
            cancellationToken);
}
