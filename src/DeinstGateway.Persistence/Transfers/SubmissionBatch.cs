using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DeinstGateway.Persistence.Transfers;

internal sealed class SubmissionBatch(GatewayDbContext db, IDbContextTransaction transaction, TransferCommitSignal signal) : ISubmissionBatch
{
    public async Task<SubmissionLookup> FindAsync(
        IReadOnlyCollection<string> businessKeys,
        IReadOnlyCollection<string> requestKeys,
        IReadOnlyCollection<byte[]> personalCodeHashes,
        CancellationToken cancellationToken)
    {
        var business = businessKeys.ToList();
        var requests = requestKeys.ToList();
        var transfers = await db.Transfers.AsNoTracking()
            .Where(t => business.Contains(t.BusinessKey) || requests.Contains(t.RequestKey))
            .Select(t => new KnownTransfer(t.Id, t.BusinessKey, t.RequestKey, t.ContentHash))
            .ToListAsync(cancellationToken);

        var hashes = personalCodeHashes.Select(Convert.ToHexString).Distinct().ToList();
        var clients = await db.Clients.AsNoTracking()
            .Where(c => hashes.Contains(c.PersonalCodeHash) || (c.FormerPersonalCodeHash != null && hashes.Contains(c.FormerPersonalCodeHash)))
            .ToListAsync(cancellationToken);
        return new SubmissionLookup(transfers, clients.Select(c => c.ToDomain()).ToList());
    }

    public void AddClient(ClientRecord client)
    {
        var now = DateTime.UtcNow;
        var row = new ClientRow
        {
            Id = client.Id,
            PersonalCodeHash = string.Empty,
            ProtectedIdentity = client.ProtectedIdentity,
            CreateTime = now,
            UpdateTime = now,
        };
        row.Apply(client);
        db.Clients.Add(row);
    }

    public void UpdateClient(ClientRecord client)
    {
        // A client created earlier in this batch is still pending insertion: change that row.
        var row = db.Clients.Local.FirstOrDefault(c => c.Id == client.Id);
        if (row is null)
        {
            row = new ClientRow { Id = client.Id, PersonalCodeHash = string.Empty, ProtectedIdentity = [] };
            db.Clients.Attach(row);
        }

        row.Apply(client);
        row.UpdateTime = DateTime.UtcNow;
        var entry = db.Entry(row);
        if (entry.State != EntityState.Added)
        {
            entry.Property(c => c.PersonalCodeHash).IsModified = true;
            entry.Property(c => c.FormerPersonalCodeHash).IsModified = true;
            entry.Property(c => c.ProtectedIdentity).IsModified = true;
            entry.Property(c => c.UpdateTime).IsModified = true;
        }
    }

    public void AddTransfer(NewTransfer transfer)
    {
        db.Transfers.Add(transfer.ToRow());
        db.TransferEvents.Add(transfer.Submitted.ToRow());
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            signal.Pulse();
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
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
