using DeinstGateway.Core.Transfers;
using DeinstGateway.Persistence.Audit;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.Transfers;

internal sealed class TransferStore(GatewayDbContext db, IWriteSerializer writeSerializer, FeedCommitSignal signal, AccessLogAppender accessLog) : ITransferStore
{
    public async Task<ISubmissionBatch> BeginSubmissionAsync(CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await writeSerializer.EnterAsync(db, cancellationToken);
        return new SubmissionBatch(db, transaction, signal, accessLog);
    }

    public async Task<ITransferChange> BeginChangeAsync(string transferId, TransferScope scope, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await writeSerializer.EnterAsync(db, cancellationToken);
        var row = await InScope(db.Transfers, scope).SingleOrDefaultAsync(t => t.Id == transferId, cancellationToken);
        return new TransferChange(db, transaction, row, signal, accessLog);
    }

    public async Task<(TransferRecord Record, bool InScope)?> FindAsync(string transferId, TransferScope scope, CancellationToken cancellationToken)
    {
        var inScope = InScope(db.Transfers, scope);
        var found = await db.Transfers.AsNoTracking()
            .Where(t => t.Id == transferId)
            .Select(t => new { Row = t, InScope = inScope.Any(s => s.Id == t.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var history = await db.TransferEvents.AsNoTracking()
            .Where(e => e.TransferId == transferId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return (new TransferRecord(found.Row.ToDomain(), history.Select(e => e.ToDomain()).ToList(), found.Row.Person()), found.InScope);
    }

    public async Task<IReadOnlyList<TransferRecord>> ListAsync(
        TransferScope scope, TransferFilter filter, string? afterId, int limit, CancellationToken cancellationToken)
    {
        var query = InScope(db.Transfers.AsNoTracking(), scope);
        if (filter.State is { } state)
        {
            query = query.Where(t => t.State == state);
        }

        if (filter.SourceCode is { } source)
        {
            query = query.Where(t => t.SourceCode == source);
        }

        if (filter.DestinationMunicipalityCode is { } destination)
        {
            query = query.Where(t => t.DestinationMunicipalityCode == destination);
        }

        if (filter.UpdatedSince is { } since)
        {
            var sinceUtc = since.UtcDateTime;
            query = query.Where(t => t.UpdateTime >= sinceUtc);
        }

        if (filter.ClientId is { } client)
        {
            query = query.Where(t => t.ClientId == client);
        }

        if (afterId is not null)
        {
            query = query.Where(t => string.Compare(t.Id, afterId) > 0);
        }

        var page = await query.OrderBy(t => t.Id).Take(limit).ToListAsync(cancellationToken);
        var ids = page.Select(p => p.Id).ToList();
        var events = await db.TransferEvents.AsNoTracking()
            .Where(e => ids.Contains(e.TransferId))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        var history = events.ToLookup(e => e.TransferId, StringComparer.Ordinal);
        return page
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => new TransferRecord(p.ToDomain(), history[p.Id].Select(e => e.ToDomain()).ToList(), p.Person()))
            .ToList();
    }

    public async Task<IReadOnlyList<TransferFeedItem>> ReadFeedAsync(
        TransferScope scope, long afterSequence, long throughSequence, int limit, CancellationToken cancellationToken)
    {
        var rows = await db.TransferEvents.AsNoTracking()
            .Where(e => e.Sequence > afterSequence && e.Sequence <= throughSequence)
            .Join(InScope(db.Transfers.AsNoTracking(), scope), e => e.TransferId, t => t.Id, (e, t) => new
            {
                Event = e,
                t.CaseNumber,
                t.SourceCode,
                t.DestinationMunicipalityCode,
                t.ClientId,
            })
            .OrderBy(x => x.Event.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TransferFeedItem(r.Event.ToDomain(), r.CaseNumber, r.SourceCode, r.DestinationMunicipalityCode, r.ClientId)).ToList();
    }

    public async Task<long> LatestSequenceAsync(CancellationToken cancellationToken) =>
        await db.TransferEvents.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;

    /// <summary>The one translation of <see cref="TransferScope"/>: every read, feed and change filters through it.</summary>
    /// <remarks>
    /// A municipality also sees the transfers addressed to the municipalities it succeeded (a
    /// pre-2021 county, a merged municipality), as <see cref="TransferStateMachine.EnsureMayAct"/>
    /// lets it act on them: two steps of the successor chain, as deep as the registry's history goes
    /// (county → 2021 municipality → merged one).
    /// </remarks>
    private IQueryable<TransferRow> InScope(IQueryable<TransferRow> transfers, TransferScope scope)
    {
        var code = scope.InstitutionCode;
        return scope.Kind switch
        {
            TransferScopeKind.All => transfers,
            TransferScopeKind.Source => transfers.Where(t => t.SourceCode == code || t.SourceParentCode == code),
            TransferScopeKind.DestinationMunicipality => transfers.Where(t => t.DestinationMunicipalityCode == code
                || db.Institutions.Any(i => i.Code == t.DestinationMunicipalityCode
                    && (i.SuccessorCode == code || (i.Successor != null && i.Successor.SuccessorCode == code)))),
            TransferScopeKind.DestinationRegion => transfers.Where(t => t.DestinationRegionCode == code),
            _ => transfers.Where(_ => false),
        };
    }
}
