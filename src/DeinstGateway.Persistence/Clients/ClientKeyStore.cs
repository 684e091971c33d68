using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Persistence.Database;
using DeinstGateway.Persistence.Transfers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DeinstGateway.Persistence.Clients;

internal sealed class ClientKeyStore(GatewayDbContext db, IWriteSerializer writeSerializer) : IClientKeyStore
{
    public async Task<IClientRewrite> BeginRewriteAsync(string? afterId, int limit, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // Entered before reading, as submissions do, so none of them updates a client between
            // this read and the rewrite's commit (its names would be lost).
            await writeSerializer.EnterAsync(db, cancellationToken);
            return new ClientRewrite(db, transaction, await ReadAsync(afterId, limit, cancellationToken));
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

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

    private sealed class ClientRewrite(GatewayDbContext db, IDbContextTransaction transaction, IReadOnlyList<ClientRecord> clients)
        : IClientRewrite
    {
        public IReadOnlyList<ClientRecord> Clients => clients;

        public async Task CommitAsync(IReadOnlyCollection<ClientRecord> changed, CancellationToken cancellationToken)
        {
            await SubmissionWriter.UpdateClientsAsync(
                db.Database.GetDbConnection(), transaction.GetDbTransaction(), changed.Select(c => c.ToUpdateRow()), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
