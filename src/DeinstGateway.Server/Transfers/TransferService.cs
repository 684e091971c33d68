using DeinstGateway.Core.Paging;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Server.Identity;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Transfers;

public sealed class TransferService(
    SubmissionPipeline submissions,
    TransferQueries queries,
    TransferCommands commands,
    TransferFeed feed,
    IRegistrySnapshotSource registry) : Deinst.V1.TransferService.TransferServiceBase
{
    public override Task SubmitTransfers(
        IAsyncStreamReader<SubmitTransferRequest> requestStream, IServerStreamWriter<SubmitTransferResponse> responseStream, ServerCallContext context) =>
        submissions.RunAsync(context.GetCaller(), requestStream, responseStream, context.CancellationToken);

    public override async Task<Deinst.V1.Transfer> GetTransfer(GetTransferRequest request, ServerCallContext context)
    {
        var view = await queries.GetAsync(context.GetCaller(), TransferMapping.TransferId(request.Name), context.CancellationToken);
        return view.ToProto(await registry.GetAsync(context.CancellationToken));
    }

    public override async Task<ListTransfersResponse> ListTransfers(ListTransfersRequest request, ServerCallContext context)
    {
        var page = await queries.ListAsync(
            context.GetCaller(), request.ToFilter(), new PageRequest(request.PageSize, request.PageToken), context.CancellationToken);
        var snapshot = await registry.GetAsync(context.CancellationToken);
        return new ListTransfersResponse
        {
            Transfers = { page.Items.Select(v => v.ToProto(snapshot)) },
            NextPageToken = page.NextPageToken,
        };
    }

    public override async Task<Deinst.V1.Transfer> AcceptTransfer(AcceptTransferRequest request, ServerCallContext context)
    {
        var view = await commands.AcceptAsync(
            context.GetCaller(),
            TransferMapping.TransferId(request.Name),
            TransferMapping.RequireEtag(request.Etag),
            Common.ResourceNames.OptionalInstitutionCode(request.DestinationProvider, "destination_provider"),
            context.CancellationToken);
        return view.ToProto(await registry.GetAsync(context.CancellationToken));
    }

    public override async Task<Deinst.V1.Transfer> RejectTransfer(RejectTransferRequest request, ServerCallContext context)
    {
        var view = await commands.RejectAsync(
            context.GetCaller(),
            TransferMapping.TransferId(request.Name),
            TransferMapping.RequireEtag(request.Etag),
            request.Reason.ToDomain(),
            context.CancellationToken);
        return view.ToProto(await registry.GetAsync(context.CancellationToken));
    }

    public override async Task<Deinst.V1.Transfer> CompleteTransfer(CompleteTransferRequest request, ServerCallContext context)
    {
        var view = await commands.CompleteAsync(
            context.GetCaller(), TransferMapping.TransferId(request.Name), TransferMapping.RequireEtag(request.Etag), context.CancellationToken);
        return view.ToProto(await registry.GetAsync(context.CancellationToken));
    }

    public override async Task<Deinst.V1.Transfer> CancelTransfer(CancelTransferRequest request, ServerCallContext context)
    {
        var view = await commands.CancelAsync(
            context.GetCaller(), TransferMapping.TransferId(request.Name), TransferMapping.RequireEtag(request.Etag), context.CancellationToken);
        return view.ToProto(await registry.GetAsync(context.CancellationToken));
    }

    public override async Task WatchTransfers(
        WatchTransfersRequest request, IServerStreamWriter<TransferEvent> responseStream, ServerCallContext context)
    {
        var caller = context.GetCaller();
        await foreach (var message in feed.WatchAsync(caller, request.AfterSequence, context.CancellationToken))
        {
            await responseStream.WriteAsync(message.ToProto(await registry.GetAsync(context.CancellationToken)), context.CancellationToken);
        }
    }
}
