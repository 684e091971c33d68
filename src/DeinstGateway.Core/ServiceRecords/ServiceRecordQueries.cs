using DeinstGateway.Core.Access;
using DeinstGateway.Core.Capacity;
using DeinstGateway.Core.Paging;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.ServiceRecords;

/// <summary>
/// Service records in the caller's scope, by where the service was delivered: the ministry all,
/// a planning region its region's providers, a municipality the providers in it, a provider its own.
/// </summary>
public sealed class ServiceRecordQueries(IServiceRecordStore store, IRegistrySnapshotSource registry)
{
    public async Task<Page<ServiceRecord>> ListAsync(Caller caller, ServiceRecordFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        CapacityScope.EnsureMayQuery(caller);
        var snapshot = await registry.GetAsync(cancellationToken);
        IReadOnlyCollection<string>? providers = caller.Kind == InstitutionKind.Ministry
            ? null
            : CapacityQueries.ProvidersInScope(caller, snapshot).Select(p => p.Code).ToList();
        var size = page.EffectiveSize;
        var fingerprint = PageToken.Fingerprint(filter.ClientId, filter.ProviderCode, filter.ServiceType);
        var records = await store.ListAsync(providers, filter, PageToken.Decode(page.PageToken, fingerprint), size + 1, cancellationToken);
        var items = records.Take(size).ToList();
        return new Page<ServiceRecord>(items, records.Count > size ? PageToken.Encode(fingerprint, items[^1].Id) : string.Empty);
    }
}
