using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Persistence.Audit;
using DeinstGateway.Persistence.Capacity;
using DeinstGateway.Persistence.Clients;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.Transfers;

internal sealed class TransferChange(
    GatewayDbContext db, IDbContextTransaction transaction, TransferRow? row, FeedCommitSignal signal, AccessLogAppender accessLog) : ITransferChange
{
    public Transfer? Transfer { get; } = row?.ToDomain();

    // Each counter moves by one conditional UPDATE: the condition is checked by the database
    // against the committed value, so concurrent changes from any process cannot overbook.
    public async Task<bool> ReservePlaceAsync(string providerCode, ServiceType service, DateOnly onDate, CancellationToken cancellationToken) =>
        Noted(providerCode, service, await db.ProviderCapacities
            .Where(c => c.ProviderCode == providerCode && c.ServiceType == service)
            .Where(c => c.Reserved + c.Occupied < db.CapacityDeclarations
                .Where(d => d.ProviderCode == providerCode && d.ServiceType == service && d.EffectiveFrom <= onDate)
                .OrderByDescending(d => d.EffectiveFrom)
                .Select(d => d.Places)
                .FirstOrDefault())
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Reserved, c => c.Reserved + 1), cancellationToken) == 1);

    public async Task OccupyReservedPlaceAsync(string providerCode, ServiceType service, CancellationToken cancellationToken) =>
        Noted(providerCode, service, await db.ProviderCapacities
            .Where(c => c.ProviderCode == providerCode && c.ServiceType == service && c.Reserved > 0)
            .ExecuteUpdateAsync(
                u => u.SetProperty(c => c.Reserved, c => c.Reserved - 1).SetProperty(c => c.Occupied, c => c.Occupied + 1),
                cancellationToken) == 1);

    public async Task ReleaseReservedPlaceAsync(string providerCode, ServiceType service, CancellationToken cancellationToken) =>
        Noted(providerCode, service, await db.ProviderCapacities
            .Where(c => c.ProviderCode == providerCode && c.ServiceType == service && c.Reserved > 0)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Reserved, c => c.Reserved - 1), cancellationToken) == 1);

    public Task LowerResidentsAsync(IReadOnlyList<string> institutionCodes, DateOnly from, CancellationToken cancellationToken) =>
        OccupancyStore.LowerResidentsAsync(db, institutionCodes, from, cancellationToken);

    /// <summary>Puts a moved count on the capacity feed; it is written with the transfer's change.</summary>
    private bool Noted(string providerCode, ServiceType service, bool moved)
    {
        if (moved)
        {
            db.CapacityChanges.Add(new CapacityChangeRow { ProviderCode = providerCode, ServiceType = service, Time = DateTime.UtcNow });
        }

        return moved;
    }

    public async Task SaveAsync(
        Transfer changed, TransferStateChange change, RelationChanges relations, AccessEntry access, CancellationToken cancellationToken)
    {
        if (row is null)
        {
            throw new InvalidOperationException("There is no transfer to change.");
        }

        row.Apply(changed);
        db.TransferEvents.Add(change.ToRow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ConcurrencyException("The transfer was changed by another call meanwhile; read it again. " + e.GetType().Name);
        }

        await ClientRelationWriter.ApplyAsync(db, relations, cancellationToken);
        await accessLog.AppendAsync(db, [access], cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await transaction.CommitAsync(cancellationToken);
        signal.Pulse();
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        db.ChangeTracker.Clear();
    }
}
