using System.Runtime.CompilerServices;
using DeinstGateway.Core.Audit;

namespace DeinstGateway.Core.Tests.Audit;

/// <summary>Keeps the entries of reads in memory, chained as the database log chains them.</summary>
public sealed class RecordingAccessLog : IAccessLog
{
    private readonly List<ChainedAccessEntry> _entries = [];

    /// <summary>A fixed key: the chain's key is configuration, not something these tests vary.</summary>
    public static AccessLogChain Chain { get; } = new(Enumerable.Range(1, AccessLogChain.MinimumKeySize).Select(i => (byte)i).ToArray());

    public IReadOnlyList<AccessEntry> Entries => _entries.Select(e => e.Entry).ToList();

    public Task RecordReadsAsync(IReadOnlyCollection<AccessEntry> entries, CancellationToken cancellationToken)
    {
        var head = _entries.LastOrDefault();
        _entries.AddRange(Chain.Append(head?.Position ?? 0, head?.EntryHash ?? AccessLogChain.Genesis, entries));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ChainedAccessEntry>> ListForClientAsync(string clientId, long? beforePosition, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChainedAccessEntry>>(_entries
            .Where(e => e.Entry.ClientId == clientId && (beforePosition is null || e.Position < beforePosition))
            .OrderByDescending(e => e.Position)
            .Take(limit)
            .ToList());

    public async IAsyncEnumerable<ChainedAccessEntry> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var entry in _entries.ToList())
        {
            await Task.Yield();
            yield return entry;
        }
    }
}
