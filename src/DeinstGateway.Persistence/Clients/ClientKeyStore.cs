using DeinstGateway.Core.Clients;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DeinstGateway.Persistence.Clients;

internal sealed class ClientKeyStore(GatewayDbContext db, IWriteSerializer writeSerializer) : IClientKeyStore
{
    private static readonly (string, Func<ClientRow, object?>)[] ClientUpdateColumns =
    [
        ("Id", c => c.Id),
        ("PersonalCodeHash", c => c.PersonalCodeHash),
        ("FormerPersonalCodeHash", c => c.FormerPersonalCodeHash),
        ("ProtectedIdentity", c => c.ProtectedIdentity),
        ("UpdateTime", c => c.UpdateTime),
    ];

    public Task<IClientRewrite> BeginRewriteAsync(string? afterId, int limit, CancellationToken cancellationToken) =>
        BeginLockedAsync<IClientRewrite>(
            async transaction => new ClientRewrite(db, transaction, await ReadAsync(afterId, limit, cancellationToken)), cancellationToken);

    public async Task<IReadOnlyList<ClientRecord>> ReadAsync(string? afterId, int limit, CancellationToken cancellationToken)
    {
        var query = db.Clients.AsNoTracking();
        if (afterId is not null)
        {
            query = query.Where(c => string.Compare(c.Id, afterId) > 0);
        }

        var rows = await query.OrderBy(c => c.Id).Take(limit).ToListAsync(cancellationToken);
        return rows.Select(c => c.ToDomain()).ToList();
    }

    public Task<IPersonCopyRewrite> BeginPersonCopyRewriteAsync(string? afterTransferId, int limit, CancellationToken cancellationToken) =>
        BeginLockedAsync<IPersonCopyRewrite>(
            async transaction => new PersonCopyRewrite(db, transaction, await ReadPersonCopiesAsync(afterTransferId, limit, cancellationToken)),
            cancellationToken);

    public async Task<IReadOnlyList<PersonCopy>> ReadPersonCopiesAsync(string? afterTransferId, int limit, CancellationToken cancellationToken)
    {
        var query = db.Transfers.AsNoTracking();
        if (afterTransferId is not null)
        {
            query = query.Where(t => string.Compare(t.Id, afterTransferId) > 0);
        }

        return await query.OrderBy(t => t.Id).Take(limit).Select(t => new PersonCopy(t.Id, t.ProtectedPerson)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Opens a write transaction and takes the writers' lock before the rewrite reads, so no other
    /// writer (a code change, say) changes those rows between the read and the rewrite's commit.
    /// </summary>
    private async Task<T> BeginLockedAsync<T>(Func<IDbContextTransaction, Task<T>> read, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await writeSerializer.EnterAsync(db, cancellationToken);
            return await read(transaction);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    private sealed class PersonCopyRewrite(GatewayDbContext db, IDbContextTransaction transaction, IReadOnlyList<PersonCopy> copies)
        : IPersonCopyRewrite
    {
        public IReadOnlyList<PersonCopy> Copies => copies;

        public async Task CommitAsync(IReadOnlyCollection<PersonCopy> changed, CancellationToken cancellationToken)
        {
            foreach (var copy in changed)
            {
                await db.Transfers.Where(t => t.Id == copy.TransferId)
                    .ExecuteUpdateAsync(u => u.SetProperty(t => t.ProtectedPerson, copy.ProtectedIdentity), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }

    private sealed class ClientRewrite(GatewayDbContext db, IDbContextTransaction transaction, IReadOnlyList<ClientRecord> clients)
        : IClientRewrite
    {
        public IReadOnlyList<ClientRecord> Clients => clients;

        public async Task CommitAsync(IReadOnlyCollection<ClientRecord> changed, CancellationToken cancellationToken)
        {
            using var update = RowCommand<ClientRow>.Update(db.Database.GetDbConnection(), transaction.GetDbTransaction(), "clients", ClientUpdateColumns);
            await update.ExecuteAsync(changed.Select(c => c.ToRow(DateTime.UtcNow)), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
