using DeinstGateway.Core.Capacity;
using DeinstGateway.Core.Registry;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DeinstGateway.Persistence.Capacity;

/// <summary>
/// Every provider's declared places (their whole history) and live counters, held in memory and
/// brought up to the database's latest capacity change at the start of every read: one index
/// look-up when nothing changed, the changed providers' rows otherwise. The database stays the
/// truth, and a read still sees everything committed before it began, in this process or another:
/// every write that moves these rows notes a capacity change in its own transaction, and writers
/// commit in the order of those changes' sequence numbers (<see cref="IWriteSerializer"/>).
/// </summary>
internal sealed class CapacityTable
{
    /// <summary>More changed providers than this since the last read, and reading them all is cheaper than naming them.</summary>
    private const int MostProvidersReadByName = 200;

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile CapacityTableState _state = CapacityTableState.Unread;

    public async Task<CapacityTableState> CurrentAsync(GatewayDbContext db, CancellationToken cancellationToken)
    {
        var latest = await LatestSequenceAsync(db, cancellationToken);
        var state = _state;
        if (state.Sequence == latest)
        {
            return state;
        }

        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            state = _state;
            if (state.Sequence > latest)
            {
                // Another read went further meanwhile; or the database went back (restored), and
                // then the table is read again from scratch below.
                latest = await LatestSequenceAsync(db, cancellationToken);
            }

            if (state.Sequence == latest)
            {
                return state;
            }

            // Rows read after `latest` may be newer than it; labelled with `latest`, they are only read again.
            var changed = state == CapacityTableState.Unread || state.Sequence > latest
                ? null
                : await db.CapacityChanges.AsNoTracking()
                    .Where(c => c.Sequence > state.Sequence && c.Sequence <= latest)
                    .Select(c => c.ProviderCode)
                    .Distinct()
                    .Take(MostProvidersReadByName + 1)
                    .ToListAsync(cancellationToken);
            var reread = changed is null || changed.Count > MostProvidersReadByName ? null : changed;
            _state = state.With(latest, reread?.ToHashSet(StringComparer.Ordinal), await ReadProvidersAsync(db, reread, cancellationToken));
            return _state;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>
    /// The highest capacity-change sequence committed (0 when there is none): the one statement every
    /// read makes, and the feed watcher's look at the capacity feed. Plain SQL both providers run:
    /// through EF Core's query pipeline it cost about a quarter of a QueryCapacity call.
    /// </summary>
    internal static async Task<long> LatestSequenceAsync(GatewayDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT MAX(Sequence) FROM capacity_changes";
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            return await command.ExecuteScalarAsync(cancellationToken) is long latest ? latest : 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The rows of the named providers, or of all when <paramref name="providerCodes"/> is null.</summary>
    private static async Task<Dictionary<string, ProviderPlaces>> ReadProvidersAsync(
        GatewayDbContext db, List<string>? providerCodes, CancellationToken cancellationToken)
    {
        var declarations = db.CapacityDeclarations.AsNoTracking();
        var counters = db.ProviderCapacities.AsNoTracking().Where(c => c.Reserved > 0 || c.Occupied > 0);
        if (providerCodes is not null)
        {
            declarations = declarations.Where(d => providerCodes.Contains(d.ProviderCode));
            counters = counters.Where(c => providerCodes.Contains(c.ProviderCode));
        }

        var history = (await declarations.ToListAsync(cancellationToken)).ToLookup(d => d.ProviderCode, StringComparer.Ordinal);
        var taken = (await counters.ToListAsync(cancellationToken)).ToLookup(c => c.ProviderCode, StringComparer.Ordinal);
        return history.Select(h => h.Key).Union(taken.Select(t => t.Key), StringComparer.Ordinal).ToDictionary(
            code => code,
            code => new ProviderPlaces(
                history[code]
                    .GroupBy(d => d.ServiceType)
                    .Select(service => service
                        .OrderBy(d => d.EffectiveFrom)
                        .Select(d => new CapacityDeclaration(d.ProviderCode, d.ServiceType, d.Places, d.EffectiveFrom, d.DeclaredByCode, StoredTime.AsUtc(d.DeclareTime)))
                        .ToArray())
                    .ToArray(),
                taken[code].Select(c => (c.ServiceType, new PlaceCounts(0, c.Occupied, c.Reserved))).ToArray()),
            StringComparer.Ordinal);
    }
}

/// <summary>One provider's declarations, per service oldest first, and its services' places taken right now.</summary>
internal sealed record ProviderPlaces(CapacityDeclaration[][] DeclarationsByService, (ServiceType Service, PlaceCounts Taken)[] Taken);

/// <summary>The capacity rows as of one capacity change; never changed, replaced whole.</summary>
internal sealed class CapacityTableState : ICapacityPlaces
{
    public static readonly CapacityTableState Unread = new(-1, new Dictionary<string, ProviderPlaces>());

    private readonly Dictionary<string, ProviderPlaces> _providers;

    private CapacityTableState(long sequence, Dictionary<string, ProviderPlaces> providers)
    {
        Sequence = sequence;
        _providers = providers;
    }

    public long Sequence { get; }

    /// <summary>This state with the providers read again (all of them when <paramref name="reread"/> is null) replaced by what was read.</summary>
    public CapacityTableState With(long sequence, HashSet<string>? reread, Dictionary<string, ProviderPlaces> read)
    {
        if (reread is not null)
        {
            foreach (var (code, places) in _providers)
            {
                if (!reread.Contains(code))
                {
                    read.Add(code, places);
                }
            }
        }

        return new CapacityTableState(sequence, read);
    }

    public IReadOnlyList<CapacityDeclaration> DeclarationsInForce(IEnumerable<string> providerCodes, DateOnly date)
    {
        var inForce = new List<CapacityDeclaration>();
        foreach (var code in providerCodes)
        {
            if (!_providers.TryGetValue(code, out var places))
            {
                continue;
            }

            foreach (var history in places.DeclarationsByService)
            {
                var latest = Array.FindLastIndex(history, d => d.EffectiveFrom <= date);
                if (latest >= 0)
                {
                    inForce.Add(history[latest]);
                }
            }
        }

        return inForce;
    }

    public IReadOnlyList<(string ProviderCode, ServiceType ServiceType, PlaceCounts Taken)> CurrentlyTaken(IEnumerable<string> providerCodes)
    {
        var taken = new List<(string, ServiceType, PlaceCounts)>();
        foreach (var code in providerCodes)
        {
            if (_providers.TryGetValue(code, out var places))
            {
                taken.AddRange(places.Taken.Select(t => (code, t.Service, t.Taken)));
            }
        }

        return taken;
    }
}
