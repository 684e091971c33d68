using DeinstGateway.Core.Access;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Paging;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.Transfers;

/// <summary>
/// Reads of transfers, limited to the caller's scope, with personal data only for the two parties.
/// Every read is in the access log before its answer leaves; so is a look at a transfer outside
/// the caller's scope.
/// </summary>
public sealed class TransferQueries(ITransferStore store, PersonalDataProtector protector, IAccessLog accessLog, GatewayCalendar calendar)
{
    public async Task<TransferView> GetAsync(Caller caller, string transferId, CancellationToken cancellationToken)
    {
        var scope = TransferScope.For(caller);
        var (record, inScope) = await store.FindAsync(transferId, scope, cancellationToken)
            ?? throw new NotFoundException("transfer", TransferNames.Of(transferId));
        await accessLog.RecordReadsAsync(
            [AccessEntry.Of(caller, record.Transfer.ClientId, inScope ? AccessOutcome.Read : AccessOutcome.Refused, calendar.Now)], cancellationToken);
        return inScope ? View(record, scope) : throw new NotFoundException("transfer", TransferNames.Of(transferId));
    }

    /// <summary>For a write that returns what it wrote: its own entry in the access log covers the answer.</summary>
    internal async Task<TransferView> ReadWithoutLoggingAsync(Caller caller, string transferId, CancellationToken cancellationToken)
    {
        var scope = TransferScope.For(caller);
        return await store.FindAsync(transferId, scope, cancellationToken) is ({ } record, true)
            ? View(record, scope)
            : throw new NotFoundException("transfer", TransferNames.Of(transferId));
    }

    /// <summary>
    /// The client's transfers the caller sees, for a view of the client whose own access-log
    /// entry covers them.
    /// </summary>
    public async Task<IReadOnlyList<TransferView>> ListOfClientWithoutLoggingAsync(
        Caller caller, string clientId, int limit, CancellationToken cancellationToken)
    {
        var scope = TransferScope.For(caller);
        var records = await store.ListAsync(scope, new TransferFilter(null, null, null, null, clientId), null, limit, cancellationToken);
        return records.Select(r => View(r, scope)).ToList();
    }

    public async Task<Page<TransferView>> ListAsync(
        Caller caller, TransferFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var scope = TransferScope.For(caller);
        var size = page.EffectiveSize;
        var fingerprint = PageToken.Fingerprint(
            filter.State, filter.SourceCode, filter.DestinationMunicipalityCode, filter.UpdatedSince?.UtcTicks);
        var afterId = PageToken.Decode(page.PageToken, fingerprint);
        var records = await store.ListAsync(scope, filter, afterId, size + 1, cancellationToken);
        var shown = records.Take(size).ToList();
        await accessLog.RecordReadsAsync(AccessEntry.ReadsOf(caller, shown.Select(r => r.Transfer.ClientId), calendar.Now), cancellationToken);
        var items = shown.Select(r => View(r, scope)).ToList();
        var next = records.Count > size ? PageToken.Encode(fingerprint, items[^1].Transfer.Id) : string.Empty;
        return new Page<TransferView>(items, next);
    }

    private TransferView View(TransferRecord record, TransferScope scope) => new(
        record.Transfer,
        record.History,
        scope.SeesPersonalData
            ? new PersonView(
                protector.Unprotect(record.Person.ProtectedIdentity, ProtectedPerson.AssociatedData(record.Transfer.Id)),
                record.Person.BirthDate)
            : null);
}
