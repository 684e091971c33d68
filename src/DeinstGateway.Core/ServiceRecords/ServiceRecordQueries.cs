using DeinstGateway.Core.Access;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Capacity;
using DeinstGateway.Core.Paging;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.ServiceRecords;

/// <summary>
/// Service records in the caller's scope, by where the service was delivered: the ministry all,
/// a planning region its region's providers, a provider its own, and a municipality the providers
/// in it and also, wherever delivered, the services of the clients it is responsible for.
/// </summary>
public sealed class ServiceRecordQueries(IServiceRecordStore store, IRegistrySnapshotSource registry, IAccessLog accessLog, GatewayCalendar calendar)
{
    public async Task<Page<ServiceRecord>> ListAsync(Caller caller, ServiceRecordFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        CapacityScope.EnsureMayQuery(caller);
        var inScope = ServiceRecordScope.Of(caller, await registry.GetAsync(cancellationToken), calendar.Today);
        var size = page.EffectiveSize;
        // Without show_withdrawn the fingerprint is the one from before that filter existed, so a page
        // token from a replica still on the previous version pages on during a rolling upgrade.
        var fingerprint = filter.ShowWithdrawn
            ? PageToken.Fingerprint(filter.ClientId, filter.ProviderCode, filter.ServiceType, filter.ShowWithdrawn)
            : PageToken.Fingerprint(filter.ClientId, filter.ProviderCode, filter.ServiceType);
        var records = await store.ListAsync(inScope, filter, PageToken.Decode(page.PageToken, fingerprint), size + 1, cancellationToken);
        var items = records.Take(size).ToList();
        await accessLog.RecordReadsAsync(AccessEntry.ReadsOf(caller, items.Select(r => r.ClientId), calendar.Now), cancellationToken);
        return new Page<ServiceRecord>(items, records.Count > size ? PageToken.Encode(fingerprint, items[^1].Id) : string.Empty);
    }
}
