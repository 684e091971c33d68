using System.Runtime.CompilerServices;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.Feeds;

/// <summary>A numbered series of changes in the database, read by position.</summary>
public interface IFeedSource<T>
{
    /// <summary>
    /// The highest sequence committed so far (0 when there is none), read from the database when a
    /// feed opens. Commits happen in sequence order, so every smaller sequence is committed too.
    /// </summary>
    Task<long> LatestSequenceAsync(CancellationToken cancellationToken);

    /// <summary>The caller's items with a sequence in (after, through], in order.</summary>
    Task<IReadOnlyList<T>> ReadAsync(long afterSequence, long throughSequence, int limit, CancellationToken cancellationToken);

    long SequenceOf(T item);
}

/// <summary>Timing of the feeds: how often the process looks for other processes' changes, when a feed sends a heartbeat.</summary>
public sealed record FeedOptions(TimeSpan PollInterval, TimeSpan HeartbeatInterval, int PageSize = 500);

/// <summary>A page of items the caller may see, or (with no items) a heartbeat.</summary>
public sealed record FeedPage<T>(IReadOnlyList<T> Items, long Sequence, DateTimeOffset Time)
{
    public bool IsHeartbeat => Items.Count == 0;
}

/// <summary>
/// Reads a feed from a sequence on, exactly once and in order, then live. Resuming after the last
/// number received loses nothing, because changes commit in sequence order and the database, not
/// the process, numbers them. Heartbeats carry the position read so far, safe to resume from.
/// Between pages the feed sleeps on the shared head until it moves or a heartbeat is due.
/// </summary>
public static class FeedLoop
{
    public static async IAsyncEnumerable<FeedPage<T>> RunAsync<T>(
        IFeedSource<T> source,
        IFeedHead<T> head,
        long afterSequence,
        FeedOptions options,
        GatewayCalendar calendar,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (afterSequence < 0)
        {
            throw new ValidationException("after_sequence", "must not be negative");
        }

        var latestAtStart = await source.LatestSequenceAsync(cancellationToken);
        if (afterSequence > latestAtStart)
        {
            // A number the database never issued: resuming there would silently skip changes.
            throw new ValidationException("after_sequence", $"is beyond the latest change ({latestAtStart})");
        }

        var position = afterSequence;
        // The head may not yet have seen what the database showed at the start.
        var latest = latestAtStart;
        var lastSent = calendar.Now;
        while (!cancellationToken.IsCancellationRequested)
        {
            latest = Math.Max(latest, head.Latest);
            var items = latest > position
                ? await source.ReadAsync(position, latest, options.PageSize, cancellationToken)
                : [];
            if (items.Count > 0)
            {
                position = source.SequenceOf(items[^1]);
                lastSent = calendar.Now;
                yield return new FeedPage<T>(items, position, lastSent);
            }

            if (items.Count == options.PageSize)
            {
                continue;
            }

            // Everything up to the latest commit has been read; changes the caller cannot see are skipped for good.
            position = Math.Max(position, latest);
            if (items.Count == 0 && calendar.Now - lastSent >= options.HeartbeatInterval)
            {
                lastSent = calendar.Now;
                yield return new FeedPage<T>([], position, lastSent);
            }

            var untilHeartbeat = options.HeartbeatInterval - (calendar.Now - lastSent);
            await head.WaitBeyondAsync(position, untilHeartbeat > TimeSpan.Zero ? untilHeartbeat : TimeSpan.Zero, cancellationToken);
        }
    }
}
