using System.Runtime.CompilerServices;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Feeds;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.Capacity;

/// <summary>A row whose counts changed, as it stands today, with the sequence of its latest change.</summary>
public sealed record CapacityRowChange(long Sequence, CapacityRow Row);

/// <summary>One message of a caller's capacity feed: changed rows, or (none) a heartbeat.</summary>
public sealed record CapacityFeedMessage(IReadOnlyList<CapacityRowChange> Rows, long HeartbeatSequence, DateTimeOffset Time);

/// <summary>
/// The capacity feed of one caller: every provider × service in its scope whose counts changed,
/// sent as today's row. Several changes of one row read together are sent once, with the last
/// sequence, so resuming after it repeats nothing and misses nothing.
/// </summary>
public sealed class CapacityFeed(
    ICapacityStore store, CapacityQueries queries, IRegistrySnapshotSource registry, GatewayCalendar calendar, FeedOptions options)
{
    public async IAsyncEnumerable<CapacityFeedMessage> WatchAsync(
        Caller caller, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        CapacityScope.EnsureMayQuery(caller);
        var snapshot = await registry.GetAsync(cancellationToken);
        var providers = CapacityQueries.ProvidersInScope(caller, snapshot).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var source = new Source(store, providers.Keys.ToList());
        await foreach (var page in FeedLoop.RunAsync(source, afterSequence, options, calendar, cancellationToken))
        {
            if (page.IsHeartbeat)
            {
                yield return new CapacityFeedMessage([], page.Sequence, page.Time);
                continue;
            }

            var latest = page.Items
                .GroupBy(c => (c.ProviderCode, c.ServiceType))
                .ToDictionary(g => g.Key, g => g.Max(c => c.Sequence));
            var changed = latest.Keys.Select(k => providers[k.ProviderCode]).Distinct().ToList();
            var rows = await queries.RowsAsync(changed, snapshot, calendar.Today, cancellationToken);
            var byKey = rows.ToDictionary(r => (r.Provider.Code, r.ServiceType));
            yield return new CapacityFeedMessage(
                latest
                    .Where(l => byKey.ContainsKey(l.Key))
                    .OrderBy(l => l.Value)
                    .Select(l => new CapacityRowChange(l.Value, byKey[l.Key]))
                    .ToList(),
                0,
                page.Time);
        }
    }

    private sealed class Source(ICapacityStore store, IReadOnlyCollection<string> providers) : IFeedSource<CapacityChange>
    {
        public Task<long> LatestSequenceAsync(CancellationToken cancellationToken) => store.LatestChangeSequenceAsync(cancellationToken);

        public Task<IReadOnlyList<CapacityChange>> ReadAsync(long afterSequence, long throughSequence, int limit, CancellationToken cancellationToken) =>
            store.ReadChangesAsync(providers, afterSequence, throughSequence, limit, cancellationToken);

        public long SequenceOf(CapacityChange item) => item.Sequence;

        public Task WaitForChangesAsync(TimeSpan maxWait, CancellationToken cancellationToken) => store.WaitForChangesAsync(maxWait, cancellationToken);
    }
}
