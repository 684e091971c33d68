using System.Data.Common;
using DeinstGateway.Core.Time;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DeinstGateway.Persistence.Database;

/// <summary>
/// Refuses every commit of a call's context once the call's deadline has passed: one check in
/// front of every transaction the stores commit (declarations, transfers, registrations,
/// records, plans, assessments, each batch of a stream), and of SaveChanges' own. The
/// transaction stays uncommitted and is rolled back when the store disposes it. Shared by the
/// pool's contexts: each carries its own scope's deadline.
/// </summary>
internal sealed class DeadlineCommitGuard : DbTransactionInterceptor
{
    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        DeadlineOf(eventData)?.ThrowIfPassed();
        return result;
    }

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        DeadlineOf(eventData)?.ThrowIfPassed();
        return ValueTask.FromResult(result);
    }

    private static CallDeadline? DeadlineOf(TransactionEventData eventData) => (eventData.Context as GatewayDbContext)?.CallDeadline;
}
