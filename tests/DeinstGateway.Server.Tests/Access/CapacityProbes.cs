using DeinstGateway.Core.Access;
using Deinst.V1;
using Grpc.Core;
using InstitutionKind = DeinstGateway.Core.Registry.InstitutionKind;

namespace DeinstGateway.Server.Tests.Access;

/// <summary>
/// Places at the world's provider, and the world's care institutions' occupancy. Declaring them or
/// naming the provider in a query from outside the scope is PERMISSION_DENIED; the feed leaves the
/// provider's rows out.
/// </summary>
public static class CapacityProbes
{
    private const string Provider = "institutions/" + AccessWorld.Provider;

    public static IEnumerable<AccessProbe> All =>
    [
        new(Rpcs.SetCapacity, StatusCode.PermissionDenied, SetAsync),
        new(Rpcs.QueryCapacity, StatusCode.PermissionDenied, QueryAsync),
        new(Rpcs.WatchCapacity, StatusCode.OK, WatchAsync),
        new(Rpcs.SetOccupancy, StatusCode.PermissionDenied, SetOccupancyAsync),
    ];

    /// <summary>The child-care institution declares its own occupancy; every other kind the world's branch's.</summary>
    private static async Task<Seen> SetOccupancyAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var declared = await Client(caller).SetOccupancyAsync(AccessWorld.Occupancy(AccessWorld.SourceFor(kind)));
        return Seen.Answer(declared.Institution.Name == "institutions/" + AccessWorld.SourceFor(kind));
    }

    /// <summary>Declares the places the provider already has, so other tests' counts stay as they were.</summary>
    private static async Task<Seen> SetAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var declared = await Client(caller).SetCapacityAsync(AccessWorld.WorkshopPlaces());
        return Seen.Answer(declared.Provider.Name == Provider);
    }

    private static async Task<Seen> QueryAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var report = await Client(caller).QueryCapacityAsync(new QueryCapacityRequest { Provider = Provider });
        return Seen.Answer(report.Rows.Any(r => r.Provider.Name == Provider));
    }

    private static async Task<Seen> WatchAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        using var call = Client(caller).WatchCapacity(new WatchCapacityRequest(), deadline: FeedProbe.Deadline);
        return Seen.Answer(await FeedProbe.ReachesBeforeIdleAsync(
            call, e => e.Row?.Row.Provider.Name == Provider, e => e.KindCase == CapacityEvent.KindOneofCase.Heartbeat));
    }

    private static CapacityService.CapacityServiceClient Client(CallInvoker caller) => new(caller);
}
