using System.Data.Common;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Persistence.Audit;
using DeinstGateway.Persistence.Clients;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.Transfers;

internal sealed class SubmissionBatch(GatewayDbContext db, IDbContextTransaction transaction, FeedCommitSignal signal, AccessLogAppender accessLog)
    : ISubmissionBatch
{
    private readonly List<ClientRow> _newClients = [];
    private readonly List<TransferRow> _transfers = [];
    private readonly List<TransferEventRow> _events = [];
    private readonly List<AccessEntry> _accesses = [];

    public async Task<SubmissionLookup> FindAsync(
        IReadOnlyCollection<string> businessKeys,
        string submitterCode,
        IReadOnlyCollection<string> requestIds,
        IReadOnlyCollection<byte[]> personalCodeHashes,
        CancellationToken cancellationToken)
    {
        var business = businessKeys.ToList();
        var requests = requestIds.Select(StoredUuid.ToBytes).ToList();
        var rows = await db.Transfers.AsNoTracking()
            .Where(t => business.Contains(t.BusinessKey) || (requests.Contains(t.RequestId) && t.SubmitterCode == submitterCode))
            .Select(t => new { t.Id, t.BusinessKey, t.SubmitterCode, t.RequestId, t.ContentHash })
            .ToListAsync(cancellationToken);
        var transfers = rows
            .Select(t => new KnownTransfer(t.Id, t.BusinessKey, t.SubmitterCode, StoredUuid.ToText(t.RequestId), t.ContentHash))
            .ToList();

        var hashes = personalCodeHashes.ToList();
        var clients = await db.Clients.AsNoTracking()
            .Where(c => hashes.Contains(c.PersonalCodeHash) || (c.FormerPersonalCodeHash != null && hashes.Contains(c.FormerPersonalCodeHash)))
            .ToListAsync(cancellationToken);
        return new SubmissionLookup(transfers, clients.Select(c => c.ToDomain()).ToList());
    }

    public void AddClient(ClientRecord client) => _newClients.Add(client.ToRow(DateTime.UtcNow));

    public void AddTransfer(NewTransfer transfer, AccessEntry access)
    {
        _accesses.Add(access);
        _transfers.Add(transfer.ToRow());
        _events.Add(transfer.Submitted.ToRow());
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SubmissionWriter.WriteAsync(
                db.Database.GetDbConnection(),
                transaction.GetDbTransaction(),
                new SubmissionRows(_newClients, _transfers, _events),
                cancellationToken);
            await accessLog.AppendAsync(db, _accesses, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            signal.Pulse();
        }
        catch (DbException e) when (UniqueViolation.Is(e))
        {
            throw new WriteConflictException("Another process stored one of the batch's keys first.", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        db.ChangeTracker.Clear();
    }
}
