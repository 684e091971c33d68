using DeinstGateway.Core.Paging;

namespace DeinstGateway.Core.Audit;

/// <summary>
/// The access log's reads and its appends for reads. Writes of personal data append their
/// entries inside their own transaction instead (see the write batches of each store).
/// </summary>
public interface IAccessLog
{
    /// <summary>
    /// Appends entries for data a call is about to return and waits until they are durable; the
    /// call fails rather than return data whose access was not logged. Concurrent reads share
    /// one transaction (group commit).
    /// </summary>
    Task RecordReadsAsync(IReadOnlyCollection<AccessEntry> entries, CancellationToken cancellationToken);

    /// <summary>Entries about one client, newest first, before <paramref name="beforePosition"/>.</summary>
    Task<IReadOnlyList<ChainedAccessEntry>> ListForClientAsync(string clientId, long? beforePosition, int limit, CancellationToken cancellationToken);

    /// <summary>Every entry in position order, read in bounded batches.</summary>
    IAsyncEnumerable<ChainedAccessEntry> ReadAllAsync(CancellationToken cancellationToken);
}
