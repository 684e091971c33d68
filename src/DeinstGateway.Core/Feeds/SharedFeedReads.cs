using System.Collections.Concurrent;

namespace DeinstGateway.Core.Feeds;

/// <summary>
/// When the head moves, every open feed wakes at once and reads its next page; feeds of callers
/// with the same scope at the same position would all run the same query. The first of them reads,
/// the others take its page: one query per scope and change instead of one per open feed. Only the
/// latest read per scope is kept, so memory is bounded by the number of scopes, and a page is only
/// shared between callers whose scope is equal, so no one gets a row their own query would not give.
/// </summary>
public sealed class SharedFeedReads<TScope, T>
    where TScope : notnull
{
    private readonly ConcurrentDictionary<TScope, Read> _latest = new();

    /// <param name="read">The caller's own read, with its own database context: run by the first caller only.</param>
    public async Task<IReadOnlyList<T>> ReadAsync(
        TScope scope,
        long afterSequence,
        long throughSequence,
        int limit,
        Func<CancellationToken, Task<IReadOnlyList<T>>> read,
        CancellationToken cancellationToken)
    {
        var key = (afterSequence, throughSequence, limit);
        if (_latest.TryGetValue(scope, out var shared) && shared.Key == key && !shared.Page.IsFaulted && !shared.Page.IsCanceled)
        {
            try
            {
                return await shared.Page.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The caller whose read this was went away (its call ended, its context with it): read for oneself.
            }

            return await read(cancellationToken);
        }

        var own = read(cancellationToken);
        _latest[scope] = new Read(key, own);
        return await own;
    }

    private sealed record Read((long After, long Through, int Limit) Key, Task<IReadOnlyList<T>> Page);
}
