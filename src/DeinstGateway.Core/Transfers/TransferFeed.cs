using System.Runtime.CompilerServices;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.Transfers;

/// <summary>One message of a caller's feed: a change it may see, or a heartbeat.</summary>
public sealed record FeedMessage(TransferFeedItem? Change, long HeartbeatSequence, DateTimeOffset Time);

/// <summary>Timing of the feed: how often to look for other processes' changes, when to send heartbeats.</summary>
public sealed record TransferFeedOptions(TimeSpan PollInterval, TimeSpan HeartbeatInterval, int PageSize = 500);

/// <summary>
/// The transfer feed of one caller: every change visible to it after a sequence number, exactly
/// once and in order, then live. Resuming after the last number received loses nothing, because
/// changes commit in sequence order and the database, not the process, numbers them.
/// </summary>
public sealed class TransferFeed(ITransferStore store, GatewayCalendar calendar, TransferFeedOptions options)
{
    public async IAsyncEnumerable<FeedMessage> WatchAsync(
        Caller caller, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (afterSequence < 0)
        {
            throw new ValidationException("after_sequence", "must not be negative");
        }

        var scope = TransferScope.For(caller);
        var position = afterSequence;
        var latestAtStart = await store.LatestSequenceAsync(cancellationToken);
        if (afterSequence > latestAtStart)
        {
            // A number the database never issued: resuming there would silently skip changes.
            throw new ValidationException("after_sequence", $"is beyond the latest change ({latestAtStart})");
        }

        var lastSent = calendar.Now;
        while (!cancellationToken.IsCancellationRequested)
        {
            var latest = await store.LatestSequenceAsync(cancellationToken);
            var page = latest > position
                ? await store.ReadFeedAsync(scope, position, latest, options.PageSize, cancellationToken)
                : [];
            foreach (var item in page)
            {
                yield return new FeedMessage(item, 0, item.Change.Time);
                position = item.Change.Sequence;
            }

            if (page.Count == options.PageSize)
            {
                continue;
            }

            // Everything up to the latest commit has been read; invisible changes are skipped for good.
            position = Math.Max(position, latest);
            if (page.Count > 0)
            {
                lastSent = calendar.Now;
            }
            else if (calendar.Now - lastSent >= options.HeartbeatInterval)
            {
                lastSent = calendar.Now;
                yield return new FeedMessage(null, position, lastSent);
            }

            var untilHeartbeat = options.HeartbeatInterval - (calendar.Now - lastSent);
            var wait = untilHeartbeat < options.PollInterval ? untilHeartbeat : options.PollInterval;
            await store.WaitForChangesAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, cancellationToken);
        }
    }
}
