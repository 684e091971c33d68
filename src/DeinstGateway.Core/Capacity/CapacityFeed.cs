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
/// sequence, so resuming after it repeats nothing and misses nothing. Before every page and
/// heartbeat the caller must still stand, and its scope follows the registry as it is then.
/// </summary>
public sealed class CapacityFeed(
    ICapacityStore store,
    IFeedHead<CapacityChange> head,
    CapacityQueries queries,
    IRegistrySnapshotSource registry,
    GatewayCalendar calendar,
    FeedOptions options)
{
    public async IAsyncEnumerable<CapacityFeedMessage> WatchAsync(
        Caller caller, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        CapacityScope.EnsureMayQuery(caller);
        var source = new Source(store);
        source.Follow(caller, await registry.GetAsync(cancellationToken));
        await foreach (var page in FeedLoop.RunAsync(source, head, afterSequence, options, calendar, cancellationToken))
        {
            var snapshot = await registry.GetAsync(cancellationToken);
            CallerStanding.EnsureStillStands(caller, snapshot, calendar);
            source.Follow(caller, snapshot);
            if (page.IsHeartbeat)
            {
                yield return new CapacityFeedMessage([], page.Sequence, page.Time);
                continue;
            }

            // The page may have been read in the scope of an older snapshot; a provider that has left it since is not sent.
            var latest = page.Items
                .Where(c => source.Providers.ContainsKey(c.ProviderCode))
                .GroupBy(c => (c.ProviderCode, c.ServiceType))
                .ToDictionary(g => g.Key, g => g.Max(c => c.Sequence));
            var changed = latest.Keys.Select(k => source.Providers[k.ProviderCode]).Distinct().ToList();
            var rows = await queries.RowsAsync(changed, snapshot, calendar.Today, cancellationToken);
            var byKey = rows.ToDictionary(r => (r.Provider.Code, r.ServiceType));
            yield return new CapacityFeedMessage(
                latest
                    .Where(l => byKey.ContainsKey(l.Key))
                    .OrderBy(l => l.Value)
                    .Select(l => new CapacityRowChange(l.Value, byKey[l.Key]))
                    .ToList(),
                // Sent as a heartbeat when no row of the page is left: its position is still safe to resume from.
                page.Sequence,
                page.Time);
        }
    }

    /// <summary>The providers the caller may see, as of the registry snapshot it last followed.</summary>
    private sealed class Source(ICapacityStore store) : IFeedSource<CapacityChange>
    {
        private RegistrySnapshot? _followed;

        public Dictionary<string, Institution> Providers { get; private set; } = new(StringComparer.Ordinal);

        public void Follow(Caller caller, RegistrySnapshot snapshot)
        {
            if (!ReferenceEquals(snapshot, _followed))
            {
                Providers = CapacityQueries.ProvidersInScope(caller, snapshot).ToDictionary(i => i.Code, StringComparer.Ordinal);
                _followed = snapshot;
            }
        }

        public Task<long> LatestSequenceAsync(CancellationToken cancellationToken) => store.LatestChangeSequenceAsync(cancellationToken);

        public Task<IReadOnlyList<CapacityChange>> ReadAsync(long afterSequence, long throughSequence, int limit, CancellationToken cancellationToken) =>
            store.ReadChangesAsync(Providers.Keys, afterSequence, throughSequence, limit, cancellationToken);

        public long SequenceOf(CapacityChange item) => item.Sequence;
    }
}
