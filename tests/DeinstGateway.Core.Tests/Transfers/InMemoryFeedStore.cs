using DeinstGateway.Core.Feeds;
using DeinstGateway.Core.Transfers;

namespace DeinstGateway.Core.Tests.Transfers;

/// <summary>
/// The feed part of a transfer store, in memory, and the process's head of it: every commit moves
/// the head at once. A wait for a head not yet moved returns at once and moves the clock on by the
/// time it was allowed, as if nothing had been committed meanwhile; the rest is not needed.
/// </summary>
internal sealed class InMemoryFeedStore(ManualTimeProvider time) : ITransferStore, IFeedHead<TransferFeedItem>
{
    private readonly List<(Transfer Transfer, TransferFeedItem Item)> _changes = [];

    /// <summary>Every wait the feed asked for, in order.</summary>
    public List<TimeSpan> Waits { get; } = [];

    /// <summary>Commits a change of <paramref name="transfer"/> into <paramref name="to"/> under the next sequence.</summary>
    public long Commit(Transfer transfer, TransferState to)
    {
        var sequence = _changes.Count + 1L;
        var change = new TransferStateChange(
            sequence, transfer.Id, null, to, transfer.SourceCode, time.GetUtcNow(), null, (int)sequence);
        _changes.Add((transfer, new TransferFeedItem(change, transfer.CaseNumber, transfer.SourceCode, transfer.DestinationMunicipalityCode, transfer.ClientId)));
        return sequence;
    }

    public long Latest => _changes.Count;

    public Task<long> LatestSequenceAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Latest);
    }

    public Task<IReadOnlyList<TransferFeedItem>> ReadFeedAsync(
        TransferScope scope, long afterSequence, long throughSequence, int limit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<TransferFeedItem> page = _changes
            .Where(c => c.Item.Change.Sequence > afterSequence && c.Item.Change.Sequence <= throughSequence && Sees(scope, c.Transfer))
            .Select(c => c.Item)
            .OrderBy(i => i.Change.Sequence)
            .Take(limit)
            .ToList();
        return Task.FromResult(page);
    }

    public async Task WaitBeyondAsync(long sequence, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Latest > sequence)
        {
            return;
        }

        Waits.Add(maxWait);
        time.Advance(maxWait);
        // Yields so that a feed that never stops waiting cannot starve the test's timeout.
        await Task.Yield();
    }

    public Task<ISubmissionBatch> BeginSubmissionAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ITransferChange> BeginChangeAsync(string transferId, TransferScope scope, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<(TransferRecord Record, bool InScope)?> FindAsync(string transferId, TransferScope scope, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<TransferRecord>> ListAsync(
        TransferScope scope, TransferFilter filter, string? afterId, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    /// <summary>The routing the store's query applies (TransferStore.InScope), so the feed loop is tested on what a caller sees.</summary>
    private static bool Sees(TransferScope scope, Transfer transfer) => scope.Kind switch
    {
        TransferScopeKind.All => true,
        TransferScopeKind.Source => transfer.SourceCode == scope.InstitutionCode || transfer.SourceParentCode == scope.InstitutionCode,
        TransferScopeKind.DestinationMunicipality => transfer.DestinationMunicipalityCode == scope.InstitutionCode,
        TransferScopeKind.DestinationRegion => transfer.DestinationRegionCode == scope.InstitutionCode,
        _ => false,
    };
}
