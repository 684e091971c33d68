using DeinstGateway.Core.Access;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;
using InstitutionKind = DeinstGateway.Core.Registry.InstitutionKind;

namespace DeinstGateway.Server.Tests.Access;

/// <summary>
/// Writes of transfers, each on a transfer made for it so that the cells run in any order. A
/// transfer out of the caller's scope is NOT_FOUND; a submission for another's source is rejected.
/// </summary>
public static class TransferWriteProbes
{
    public static IEnumerable<AccessProbe> All =>
    [
        new(Rpcs.SubmitTransfers, StatusCode.OK, SubmitAsync),
        new(Rpcs.AcceptTransfer, StatusCode.NotFound, Transition(
            Submitted, (client, t) => client.AcceptTransferAsync(new AcceptTransferRequest { Name = t.Name, Etag = t.Etag }), TransferState.Accepted)),
        new(Rpcs.RejectTransfer, StatusCode.NotFound, Transition(
            Submitted,
            (client, t) => client.RejectTransferAsync(new RejectTransferRequest { Name = t.Name, Etag = t.Etag, Reason = RejectionReason.PersonDeclined }),
            TransferState.Rejected)),
        new(Rpcs.CompleteTransfer, StatusCode.NotFound, Transition(
            (world, kind) => world.NewAcceptedTransferAsync(kind),
            (client, t) => client.CompleteTransferAsync(new CompleteTransferRequest { Name = t.Name, Etag = t.Etag }),
            TransferState.Completed)),
        new(Rpcs.CancelTransfer, StatusCode.NotFound, Transition(
            Submitted, (client, t) => client.CancelTransferAsync(new CancelTransferRequest { Name = t.Name, Etag = t.Etag }), TransferState.Cancelled)),
    ];

    private static Func<AccessWorld, InstitutionKind, Task<Transfer>> Submitted => (world, kind) => world.NewTransferAsync(kind);

    private static async Task<Seen> SubmitAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var request = TransferRequests.Valid(source: AccessWorld.SourceFor(kind), destination: AccessWorld.Municipality);
        var response = (await TransferClient.SubmitAsync(caller, [request])).Single();

        // The answer names the transfer and the outcome only: the caller sent the identity, none comes back.
        return Seen.Answer(response.Outcome == SubmitOutcome.Created);
    }

    /// <summary>Makes a transfer for the kind, in the state the change starts from, then has the caller change it.</summary>
    private static ProbeCall Transition(
        Func<AccessWorld, InstitutionKind, Task<Transfer>> make,
        Func<TransferService.TransferServiceClient, Transfer, AsyncUnaryCall<Transfer>> change,
        TransferState expected) =>
        async (world, kind, caller) =>
        {
            var changed = await change(Client(caller), await make(world, kind));
            return Seen.Transfer(changed.State == expected ? changed : null);
        };

    private static TransferService.TransferServiceClient Client(CallInvoker caller) => new(caller);
}
