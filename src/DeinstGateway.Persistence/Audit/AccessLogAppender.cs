using System.Data.Common;
using DeinstGateway.Core.Audit;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DeinstGateway.Persistence.Audit;

/// <summary>
/// Appends entries to the access log inside the caller's open transaction, chained after the
/// current head. The write lock makes appenders of every process take turns, so no two chain
/// onto the same head; the entries commit or roll back with the write they record.
/// </summary>
internal sealed class AccessLogAppender(IWriteSerializer writeSerializer, AccessLogChain chain)
{
    private static readonly (string, Func<ChainedAccessEntry, object?>)[] Columns =
    [
        ("Position", e => e.Position),
        ("Time", e => e.Entry.Time.UtcDateTime),
        ("InstitutionCode", e => e.Entry.InstitutionCode),
        ("CertificateThumbprint", e => e.Entry.CertificateThumbprint),
        ("Method", e => e.Entry.Method),
        ("ClientId", e => e.Entry.ClientId),
        ("Purpose", e => e.Entry.Purpose),
        ("Outcome", e => e.Entry.Outcome),
        ("PreviousHash", e => e.PreviousHash),
        ("EntryHash", e => e.EntryHash),
    ];

    public async Task AppendAsync(GatewayDbContext db, IReadOnlyCollection<AccessEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Access-log entries are appended inside the transaction of what they record.");
        await writeSerializer.EnterAsync(db, cancellationToken);
        var head = await db.AccessLog.AsNoTracking()
            .OrderByDescending(e => e.Position)
            .Select(e => new { e.Position, e.EntryHash })
            .FirstOrDefaultAsync(cancellationToken);
        var chained = chain.Append(head?.Position ?? 0, head?.EntryHash ?? AccessLogChain.Genesis, entries);
        using var insert = RowCommand<ChainedAccessEntry>.Insert(
            db.Database.GetDbConnection(), transaction.GetDbTransaction(), "access_log", Columns);
        await insert.ExecuteAsync(chained, cancellationToken);
    }
}
