using DeinstGateway.Core.Capacity;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Persistence.Database;
using DeinstGateway.Persistence.Transfers;
using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.Capacity;

internal sealed class CapacityStore(GatewayDbContext db, IWriteSerializer writeSerializer, FeedCommitSignal signal, CapacityTable table) : ICapacityStore
{
    public async Task DeclareAsync(CapacityDeclaration declaration, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await writeSerializer.EnterAsync(db, cancellationToken);
        var row = await db.CapacityDeclarations.SingleOrDefaultAsync(
            d => d.ProviderCode == declaration.ProviderCode && d.ServiceType == declaration.ServiceType && d.EffectiveFrom == declaration.EffectiveFrom,
            cancellationToken);
        if (row is null)
        {
            row = new CapacityDeclarationRow
            {
                ProviderCode = declaration.ProviderCode,
                ServiceType = declaration.ServiceType,
                EffectiveFrom = declaration.EffectiveFrom,
            };
            db.CapacityDeclarations.Add(row);
        }

        row.Places = declaration.Places;
        row.DeclaredByCode = declaration.DeclaredByCode;
        row.DeclareTime = declaration.DeclareTime.UtcDateTime;
        if (!await db.ProviderCapacities.AnyAsync(c => c.ProviderCode == declaration.ProviderCode && c.ServiceType == declaration.ServiceType, cancellationToken))
        {
            db.ProviderCapacities.Add(new ProviderCapacityRow { ProviderCode = declaration.ProviderCode, ServiceType = declaration.ServiceType });
        }

        db.CapacityChanges.Add(new CapacityChangeRow
        {
            ProviderCode = declaration.ProviderCode,
            ServiceType = declaration.ServiceType,
            Time = declaration.DeclareTime.UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        signal.Pulse();
    }

    public async Task<ICapacityPlaces> PlacesAsync(CancellationToken cancellationToken) => await table.CurrentAsync(db, cancellationToken);

    public async Task<IReadOnlyList<PlaceHolding>> HoldingsAsync(
        IReadOnlyCollection<string> providerCodes, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var providers = providerCodes.ToList();
        var cutoff = before.UtcDateTime;
        var rows = await db.Transfers.AsNoTracking()
            .Where(t => t.DestinationProviderCode != null && providers.Contains(t.DestinationProviderCode))
            .Select(t => new
            {
                Provider = t.DestinationProviderCode!,
                t.RequestedServices,
                State = db.TransferEvents
                    .Where(e => e.TransferId == t.Id && e.Time < cutoff)
                    .OrderByDescending(e => e.Sequence)
                    .Select(e => (TransferState?)e.ToState)
                    .FirstOrDefault(),
            })
            .Where(x => x.State == TransferState.Accepted || x.State == TransferState.Completed)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new PlaceHolding(r.Provider, TransferRowMapping.ParseServices(r.RequestedServices), r.State!.Value)).ToList();
    }

    public Task<long> LatestChangeSequenceAsync(CancellationToken cancellationToken) => CapacityTable.LatestSequenceAsync(db, cancellationToken);

    public async Task<IReadOnlyList<CapacityChange>> ReadChangesAsync(
        IReadOnlyCollection<string> providerCodes, long afterSequence, long throughSequence, int limit, CancellationToken cancellationToken)
    {
        var providers = providerCodes.ToList();
        return await db.CapacityChanges.AsNoTracking()
            .Where(c => c.Sequence > afterSequence && c.Sequence <= throughSequence && providers.Contains(c.ProviderCode))
            .OrderBy(c => c.Sequence)
            .Take(limit)
            .Select(c => new CapacityChange(c.Sequence, c.ProviderCode, c.ServiceType))
            .ToListAsync(cancellationToken);
    }
}
