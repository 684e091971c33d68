using DeinstGateway.Core.Audit;
using DeinstGateway.Core.ServiceRecords;
using DeinstGateway.Persistence.Audit;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DeinstGateway.Persistence.ServiceRecords;

internal sealed class RecordWithdrawal(
    GatewayDbContext db, IDbContextTransaction transaction, ServiceRecord? record, AccessLogAppender accessLog) : IServiceRecordWithdrawal
{
    public ServiceRecord? Record { get; } = record;

    // One conditional UPDATE: the database checks that the record still stands against the committed
    // row, so of two processes withdrawing it at once exactly one writes, whatever locks they took.
    public async Task<bool> TryWithdrawAsync(Withdrawal withdrawal, AccessEntry access, CancellationToken cancellationToken)
    {
        var record = Record ?? throw new InvalidOperationException("There is no service record to withdraw.");
        var id = record.Id;
        var time = withdrawal.Time.UtcDateTime;
        var withdrawn = await db.ServiceRecords
            .Where(r => r.Id == id && r.WithdrawTime == null)
            .ExecuteUpdateAsync(
                u => u.SetProperty(r => r.WithdrawTime, time)
                    .SetProperty(r => r.WithdrawnByCode, withdrawal.WithdrawnByCode)
                    .SetProperty(r => r.WithdrawalReason, withdrawal.Reason),
                cancellationToken) == 1;
        if (withdrawn)
        {
            var dayTotals = new DayTotalChanges();
            dayTotals.Remove(record);
            await dayTotals.WriteAsync(db, cancellationToken);
            await accessLog.AppendAsync(db, [access], cancellationToken);
        }

        return withdrawn;
    }

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public ValueTask DisposeAsync() => transaction.DisposeAsync();
}
