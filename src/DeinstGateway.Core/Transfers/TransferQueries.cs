using DeinstGateway.Core.Access;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Paging;

namespace DeinstGateway.Core.Transfers;

/// <summary>Reads of transfers, limited to the caller's scope, with personal data only for the two parties.</summary>
public sealed class TransferQueries(ITransferStore store, PersonalDataProtector protector)
{
    public async Task<TransferView> GetAsync(Caller caller, string transferId, CancellationToken cancellationToken)
    {
        var scope = TransferScope.For(caller);
        var record = await store.FindAsync(transferId, cancellationToken);
        if (record is null || !scope.Includes(record.Transfer))
        {
            throw new NotFoundException("transfer", TransferNames.Of(transferId));
        }

        return View(record, scope);
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
        var items = records.Take(size).Select(r => View(r, scope)).ToList();
        var next = records.Count > size ? PageToken.Encode(fingerprint, items[^1].Transfer.Id) : string.Empty;
        return new Page<TransferView>(items, next);
    }

    private TransferView View(TransferRecord record, TransferScope scope) => new(
        record.Transfer,
        record.History,
        scope.SeesPersonalData
            ? new PersonView(
                protector.Unprotect(record.Client.ProtectedIdentity, TransferSubmissions.ClientAssociatedData(record.Client.Id)),
                record.Client.BirthDate)
            : null);
}
