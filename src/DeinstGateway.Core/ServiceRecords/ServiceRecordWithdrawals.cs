using DeinstGateway.Core.Access;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.ServiceRecords;

/// <summary>
/// Withdraws a record recorded by mistake. Checks run in the order a caller can act on: neither
/// recorded by the caller nor in its scope → NOT_FOUND; not the recorder → PERMISSION_DENIED;
/// withdrawn already → the record as it stands, nothing written. The withdrawal and its access-log entry commit together.
/// </summary>
public sealed class ServiceRecordWithdrawals(
    IServiceRecordStore store, IRegistrySnapshotSource registry, IAccessLog accessLog, GatewayCalendar calendar)
{
    public async Task<ServiceRecord> WithdrawAsync(Caller caller, string recordId, WithdrawalReason reason, CancellationToken cancellationToken)
    {
        var scope = ServiceRecordScope.Of(caller, await registry.GetAsync(cancellationToken), calendar.Today);
        ServiceRecord? repeat = null;

        // A second look happens only when another process withdrew the record between this
        // transaction's read and its update; a withdrawal is never undone, so that look sees it.
        while (repeat is null)
        {
            await using var change = await store.BeginWithdrawalAsync(recordId, caller.InstitutionCode, scope, cancellationToken);
            var record = change.Record ?? throw new NotFoundException("service record", ServiceRecordNames.Of(recordId));
            var now = calendar.Now;
            if (Withdrawal.Of(caller, record, reason, now) is not { } withdrawal)
            {
                repeat = record;
            }
            else if (await change.TryWithdrawAsync(withdrawal, AccessEntry.Of(caller, record.ClientId, AccessOutcome.Written, now), cancellationToken))
            {
                await change.CommitAsync(cancellationToken);
                return record with { Withdrawal = withdrawal };
            }
        }

        // A repeat writes nothing but shows the record, so it is logged as a read, once the
        // transaction above has ended: the read log's writer needs the write lock it held.
        await accessLog.RecordReadsAsync([AccessEntry.Of(caller, repeat.ClientId, AccessOutcome.Read, calendar.Now)], cancellationToken);
        return repeat;
    }
}
