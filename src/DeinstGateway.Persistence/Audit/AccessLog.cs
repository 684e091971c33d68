using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DeinstGateway.Core.Audit;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Persistence.Audit;

/// <summary>
/// The access log for reads. Reads append by group commit: whoever holds the gate writes every
/// entry queued so far in one transaction, so concurrent reads pay for one commit between them
/// instead of one each, and each read still returns only after its entries are durable.
/// </summary>
internal sealed class AccessLog(IServiceScopeFactory scopes, AccessLogAppender appender) : IAccessLog
{
    private const int ReadBatchSize = 2_000;

    private readonly ConcurrentQueue<PendingEntries> _queue = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task RecordReadsAsync(IReadOnlyCollection<AccessEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var pending = new PendingEntries(entries);
        _queue.Enqueue(pending);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!pending.Written.Task.IsCompleted)
            {
                await WriteQueuedAsync();
            }
        }
        finally
        {
            _gate.Release();
        }

        await pending.Written.Task;
    }

    public async Task<IReadOnlyList<ChainedAccessEntry>> ListForClientAsync(
        string clientId, long? beforePosition, int limit, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
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
        await using var scope = scopes.CreateAsyncScope();
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
        while (_queue.TryDequeue(out var queued))
        {
            batch.Add(queued);
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            // Not the caller's token: the batch holds other calls' entries too.
            await appender.AppendAsync(db, batch.SelectMany(p => p.Entries).ToList(), CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
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
