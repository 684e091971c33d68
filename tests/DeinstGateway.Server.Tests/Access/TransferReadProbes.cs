using DeinstGateway.Core.Access;
using Deinst.V1;
using Grpc.Core;
using InstitutionKind = DeinstGateway.Core.Registry.InstitutionKind;

namespace DeinstGateway.Server.Tests.Access;

/// <summary>Reads of the world's transfer for the kind: a single read out of scope is NOT_FOUND, a list or feed leaves it out.</summary>
public static class TransferReadProbes
{
    public static IEnumerable<AccessProbe> All =>
    [
        new(Rpcs.GetTransfer, StatusCode.NotFound, GetAsync),
        new(Rpcs.ListTransfers, StatusCode.OK, ListAsync),
        new(Rpcs.WatchTransfers, StatusCode.OK, WatchAsync),
    ];

    private static async Task<Seen> GetAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller) =>
        Seen.Transfer(await Client(caller).GetTransferAsync(new GetTransferRequest { Name = world.TransferFor(kind).Name }));

    private static async Task<Seen> ListAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var page = await Client(caller).ListTransfersAsync(new ListTransfersRequest { PageSize = 1000 });
        return Seen.Transfer(page.Transfers.SingleOrDefault(t => t.Name == world.TransferFor(kind).Name));
    }

    private static async Task<Seen> WatchAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var target = world.TransferFor(kind).Name;
        using var call = Client(caller).WatchTransfers(new WatchTransfersRequest(), deadline: FeedProbe.Deadline);
        var reached = await FeedProbe.ReachesBeforeIdleAsync(
            call, e => e.Change?.Transfer == target, e => e.KindCase == TransferEvent.KindOneofCase.Heartbeat);

        // The feed carries no personal data to anyone: there is no identity to look for.
        return Seen.Answer(reached);
    }

    private static TransferService.TransferServiceClient Client(CallInvoker caller) => new(caller);
}
