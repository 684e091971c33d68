using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using DeinstGateway.Core.Audit;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Persistence.Audit;

/// <summary>
/// The access log for reads. Reads append by group commit: one writer takes every entry queued
/// while it was writing the previous batch and writes them in one transaction, so concurrent reads
/// pay for one commit between them instead of one each, and each read still returns only after
/// its entries are durable. SQLite's API runs synchronously, so the writer has a task of its own:
/// callers on other threads keep queueing while it writes.
/// </summary>
internal sealed class AccessLog : IAccessLog, IAsyncDisposable, IDisposable
{
    private const int ReadBatchSize = 2_000;
    private const int MaxEntriesPerCommit = 5_000;

    private readonly IServiceScopeFactory _scopes;
    private readonly AccessLogAppender _appender;
    private readonly IAccessLogObserver? _observer;
    private readonly Channel<PendingEntries> _queue = Channel.CreateUnbounded<PendingEntries>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public AccessLog(IServiceScopeFactory scopes, AccessLogAppender appender, IAccessLogObserver? observer = null)
    {
        _scopes = scopes;
        _appender = appender;
        _observer = observer;
        _writer = Task.Run(WriteQueuedAsync);
    }

    public async Task RecordReadsAsync(IReadOnlyCollection<AccessEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var pending = new PendingEntries(entries);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(AccessLog), "The gateway is shutting down; the read was not logged.");
        }

        // Not abandoned when the caller gives up: the entry is written anyway, it may already be.
        await pending.Written.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Writes what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async Task<IReadOnlyList<ChainedAccessEntry>> ListForClientAsync(
        string clientId, long? beforePosition, int limit, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var query = db.AccessLog.AsNoTracking().Where(e => e.ClientId == clientId);
        if (beforePosition is { } before)
        {
            query = query.Where(e => e.Position < before);
        }

        var rows = await query.OrderByDescending(e => e.Position).Take(limit).ToListAsync(cancellationToken);
        return rows.Select(ToDomain).ToList();
    }

    public async IAsyncEnumerable<ChainedAccessEntry> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        long after = 0;
        while (true)
        {
            // Keyset batches: a log of millions of entries is checked in bounded memory.
            var rows = await db.AccessLog.AsNoTracking()
                .Where(e => e.Position > after)
                .OrderBy(e => e.Position)
                .Take(ReadBatchSize)
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                yield return ToDomain(row);
            }

            if (rows.Count < ReadBatchSize)
            {
                yield break;
            }

            after = rows[^1].Position;
        }
    }

    private async Task WriteQueuedAsync()
    {
        var batch = new List<PendingEntries>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            var entries = 0;
            while (entries < MaxEntriesPerCommit && _queue.Reader.TryRead(out var queued))
            {
                batch.Add(queued);
                entries += queued.Entries.Count;
            }

            await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<PendingEntries> batch)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            var entries = batch.SelectMany(p => p.Entries).ToList();
            await _appender.AppendAsync(db, entries, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            _observer?.Committed(entries.Count, Stopwatch.GetElapsedTime(started));
            batch.ForEach(p => p.Written.TrySetResult());
        }
        catch (Exception e)
        {
            batch.ForEach(p => p.Written.TrySetException(e));
        }
    }

    private static ChainedAccessEntry ToDomain(AccessLogRow row) => new(
        row.Position,
        new AccessEntry(StoredTime.AsUtc(row.Time), row.InstitutionCode, row.CertificateThumbprint, row.Method, row.ClientId, row.Purpose, row.Outcome),
        row.PreviousHash,
        row.EntryHash);

    private sealed class PendingEntries(IReadOnlyCollection<AccessEntry> entries)
    {
        public IReadOnlyCollection<AccessEntry> Entries { get; } = entries;

        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
