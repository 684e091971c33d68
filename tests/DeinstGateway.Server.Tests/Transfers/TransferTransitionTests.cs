using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Google.Rpc;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Transfers;

[Collection(SharedGatewayCollection.Name)]
public sealed class TransferTransitionTests(GatewayFixture fixture)
{
    private const string Branch = "vsac-zemgale-jelgava";
    private const string Centre = "vsac-zemgale";
    private const string Destination = "mun-jelgava";
    private GatewayProcess Gateway => fixture.Gateway;

    [Fact]
    public async Task AcceptThenComplete_ByTheDestination_RecordsEveryChangeWithActorAndTime()
    {
        var transfer = await TransferClient.CreateAsync(Gateway, Branch, TransferRequests.Valid());

        var accepted = await Municipality.AcceptTransferAsync(new AcceptTransferRequest { Name = transfer.Name, Etag = transfer.Etag });
        var completed = await Municipality.CompleteTransferAsync(new CompleteTransferRequest { Name = transfer.Name, Etag = accepted.Etag });

        Assert.Equal(TransferState.Accepted, accepted.State);
        Assert.Equal(TransferState.Completed, completed.State);
        Assert.NotEqual(transfer.Etag, accepted.Etag);
        Assert.Equal(
            [(TransferState.Unspecified, TransferState.Submitted, "institutions/" + Branch),
             (TransferState.Submitted, TransferState.Accepted, "institutions/" + Destination),
             (TransferState.Accepted, TransferState.Completed, "institutions/" + Destination)],
            completed.History.Select(h => (h.FromState, h.ToState, h.Actor.Name)));
        Assert.All(completed.History, h => Assert.True(h.Time.ToDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5)));
    }

    [Fact]
    public async Task Reject_WithReason_EndsTheTransferAndLaterAcceptIsFailedPrecondition()
    {
        var transfer = await TransferClient.CreateAsync(Gateway, Branch, TransferRequests.Valid());

        var rejected = await Municipality.RejectTransferAsync(new RejectTransferRequest
        {
            Name = transfer.Name,
            Etag = transfer.Etag,
            Reason = RejectionReason.NotResponsible,
        });
        var status = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Municipality.AcceptTransferAsync(
            new AcceptTransferRequest { Name = transfer.Name, Etag = rejected.Etag }).ResponseAsync);

        Assert.Equal((TransferState.Rejected, RejectionReason.NotResponsible), (rejected.State, rejected.RejectionReason));
        Assert.Equal("ILLEGAL_TRANSITION", status?.GetDetail<ErrorInfo>()?.Reason);
    }

    [Fact]
    public async Task Cancel_BySourceWhenSubmittedAndByItsCentreWhenAccepted_Succeeds()
    {
        var first = await TransferClient.CreateAsync(Gateway, Branch, TransferRequests.Valid());
        var second = await TransferClient.CreateAsync(Gateway, Branch, TransferRequests.Valid());
        var accepted = await Municipality.AcceptTransferAsync(new AcceptTransferRequest { Name = second.Name, Etag = second.Etag });

        var byBranch = await Client(Branch).CancelTransferAsync(new CancelTransferRequest { Name = first.Name, Etag = first.Etag });
        var byCentre = await Client(Centre).CancelTransferAsync(new CancelTransferRequest { Name = second.Name, Etag = accepted.Etag });

        Assert.Equal(TransferState.Cancelled, byBranch.State);
        Assert.Equal(TransferState.Cancelled, byCentre.State);
        Assert.Equal("institutions/" + Centre, byCentre.History.Last().Actor.Name);
    }

    [Theory]
    [InlineData("complete-submitted")]
    [InlineData("cancel-completed")]
    [InlineData("reject-accepted")]
    [InlineData("accept-cancelled")]
    public async Task IllegalTransition_IsFailedPrecondition(string path)
    {
        var transfer = await TransferClient.CreateAsync(Gateway, Branch, TransferRequests.Valid());
        var etag = transfer.Etag;
        if (path is "cancel-completed" or "reject-accepted")
        {
            etag = (await Municipality.AcceptTransferAsync(new AcceptTransferRequest { Name = transfer.Name, Etag = etag })).Etag;
        }

        if (path == "cancel-completed")
        {
            etag = (await Municipality.CompleteTransferAsync(new CompleteTransferRequest { Name = transfer.Name, Etag = etag })).Etag;
        }

        if (path == "accept-cancelled")
        {
            etag = (await Client(Branch).CancelTransferAsync(new CancelTransferRequest { Name = transfer.Name, Etag = etag })).Etag;
        }

        Func<Task> act = path switch
        {
            "complete-submitted" => () => Municipality.CompleteTransferAsync(new CompleteTransferRequest { Name = transfer.Name, Etag = etag }).ResponseAsync,
            "cancel-completed" => () => Client(Branch).CancelTransferAsync(new CancelTransferRequest { Name = transfer.Name, Etag = etag }).ResponseAsync,
            "reject-accepted" => () => Municipality.RejectTransferAsync(new RejectTransferRequest { Name = transfer.Name, Etag = etag, Reason = RejectionReason.NoCapacity }).ResponseAsync,
            _ => () => Municipality.AcceptTransferAsync(new AcceptTransferRequest { Name = transfer.Name, Etag = etag }).ResponseAsync,
        };

        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, act);
    }

    [Fact]
    public async Task Accept_WithAStaleEtag_IsAbortedAndChangesNothing()
    {
        var transfer = await TransferClient.CreateAsync(Gateway, Branch, TransferRequests.Valid());
        await Municipality.RejectTransferAsync(new RejectTransferRequest { Name = transfer.Name, Etag = transfer.Etag, Reason = RejectionReason.NoCapacity });

        await RpcAssert.FailsWith(StatusCode.Aborted,
            () => Municipality.AcceptTransferAsync(new AcceptTransferRequest { Name = transfer.Name, Etag = transfer.Etag }).ResponseAsync);
        var now = await Municipality.GetTransferAsync(new GetTransferRequest { Name = transfer.Name });

        Assert.Equal(TransferState.Rejected, now.State);
        Assert.Equal(2, now.History.Count);
    }

    [Fact]
    public async Task Accept_ByTheSourceCentre_IsPermissionDenied()
    {
        var transfer = await TransferClient.CreateAsync(Gateway, Branch, TransferRequests.Valid());

        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Client(Centre).AcceptTransferAsync(new AcceptTransferRequest { Name = transfer.Name, Etag = transfer.Etag }).ResponseAsync);
    }

    [Fact]
    public async Task Accept_ByAnotherMunicipality_IsNotFound()
    {
        var transfer = await TransferClient.CreateAsync(Gateway, Branch, TransferRequests.Valid());

        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => Client("mun-bauska").AcceptTransferAsync(new AcceptTransferRequest { Name = transfer.Name, Etag = transfer.Etag }).ResponseAsync);
    }

    [Fact]
    public async Task Cancel_ByAnotherCareCentre_IsNotFoundAndByTheDestination_IsPermissionDenied()
    {
        var transfer = await TransferClient.CreateAsync(Gateway, Branch, TransferRequests.Valid());
        var request = new CancelTransferRequest { Name = transfer.Name, Etag = transfer.Etag };

        await RpcAssert.FailsWith(StatusCode.NotFound, () => Client("vsac-latgale").CancelTransferAsync(request).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Municipality.CancelTransferAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task StateChange_WithoutEtagOrReason_IsInvalidArgument()
    {
        var transfer = await TransferClient.CreateAsync(Gateway, Branch, TransferRequests.Valid());

        await RpcAssert.InvalidField("etag", () => Municipality.AcceptTransferAsync(new AcceptTransferRequest { Name = transfer.Name }).ResponseAsync);
        await RpcAssert.InvalidField("reason", () => Municipality.RejectTransferAsync(
            new RejectTransferRequest { Name = transfer.Name, Etag = transfer.Etag }).ResponseAsync);
        await RpcAssert.InvalidField("name", () => Municipality.GetTransferAsync(new GetTransferRequest { Name = "transfers/42" }).ResponseAsync);
    }

    private TransferService.TransferServiceClient Municipality => Client(Destination);

    private TransferService.TransferServiceClient Client(string caller) => new(Gateway.ChannelFor(caller));
}
