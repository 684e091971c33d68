using System.Runtime.CompilerServices;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Feeds;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.Transfers;

/// <summary>One message of a caller's transfer feed: a change it may see, or a heartbeat.</summary>
public sealed record FeedMessage(TransferFeedItem? Change, long HeartbeatSequence, DateTimeOffset Time);

/// <summary>
/// The transfer feed of one caller: every change of a transfer it can see, for as long as the
/// caller still stands (checked before every page and heartbeat).
/// </summary>
public sealed class TransferFeed(
    ITransferStore store,
    IFeedHead<TransferFeedItem> head,
    SharedFeedReads<TransferScope, TransferFeedItem> sharedReads,
    IRegistrySnapshotSource registry,
    IAccessLog accessLog,
    GatewayCalendar calendar,
    FeedOptions options)
{
    public async IAsyncEnumerable<FeedMessage> WatchAsync(
        Caller caller, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var source = new Source(store, sharedReads, TransferScope.For(caller));
        await foreach (var page in FeedLoop.RunAsync(source, head, afterSequence, options, calendar, cancellationToken))
        {
            CallerStanding.EnsureStillStands(caller, await registry.GetAsync(cancellationToken), calendar);
            if (page.IsHeartbeat)
            {
                yield return new FeedMessage(null, page.Sequence, page.Time);
            }

            // Logged per page before it is sent: one group-committed append for up to a page of changes.
            await accessLog.RecordReadsAsync(AccessEntry.ReadsOf(caller, page.Items.Select(i => i.ClientId), calendar.Now), cancellationToken);
            foreach (var item in page.Items)
            {
                yield return new FeedMessage(item, 0, item.Change.Time);
            }
        }
    }

    private sealed class Source(ITransferStore store, SharedFeedReads<TransferScope, TransferFeedItem> sharedReads, TransferScope scope)
        : IFeedSource<TransferFeedItem>
    {
        public Task<long> LatestSequenceAsync(CancellationToken cancellationToken) => store.LatestSequenceAsync(cancellationToken);

        public Task<IReadOnlyList<TransferFeedItem>> ReadAsync(long afterSequence, long throughSequence, int limit, CancellationToken cancellationToken) =>
            sharedReads.ReadAsync(
                scope, afterSequence, throughSequence, limit,
                token => store.ReadFeedAsync(scope, afterSequence, throughSequence, limit, token),
                cancellationToken);

        public long SequenceOf(TransferFeedItem item) => item.Change.Sequence;
    }
}
