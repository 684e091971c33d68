using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>Submits over one SubmitTransfers stream and collects the answers, as a care centre's system would.</summary>
public static class TransferClient
{
    public static Task<List<SubmitTransferResponse>> SubmitAsync(
        GatewayProcess gateway, string caller, IEnumerable<SubmitTransferRequest> requests, CancellationToken cancellationToken = default) =>
        SubmitAsync(gateway.ChannelFor(caller), requests, cancellationToken);

    /// <summary>Through any channel, for tests that choose the caller's headers themselves.</summary>
    public static async Task<List<SubmitTransferResponse>> SubmitAsync(
        CallInvoker channel, IEnumerable<SubmitTransferRequest> requests, CancellationToken cancellationToken = default)
    {
        var client = new TransferService.TransferServiceClient(channel);
        using var call = client.SubmitTransfers(cancellationToken: cancellationToken);
        var reading = ReadAllAsync(call.ResponseStream, cancellationToken);
        try
        {
            foreach (var request in requests)
            {
                await call.RequestStream.WriteAsync(request, cancellationToken);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The gateway ended the call before reading everything (a refusal, a limit): the writes
            // only see the stream reset, the answers carry the gateway's status.
        }

        return await reading;
    }

    /// <summary>Submits one transfer and returns it as the source sees it.</summary>
    public static async Task<Transfer> CreateAsync(GatewayProcess gateway, string caller, SubmitTransferRequest request)
    {
        var response = (await SubmitAsync(gateway, caller, [request])).Single();
        Assert.Equal(SubmitOutcome.Created, response.Outcome);
        return await new TransferService.TransferServiceClient(gateway.ChannelFor(caller))
            .GetTransferAsync(new GetTransferRequest { Name = response.Transfer });
    }

    /// <summary>
    /// Submits one transfer, has its destination municipality accept it and, unless told to stop
    /// there, complete it: the municipality is then responsible for the client and the transfer's
    /// provider serves it. Returns the transfer as the destination sees it at the end.
    /// </summary>
    public static async Task<Transfer> HandOverAsync(GatewayProcess gateway, string caller, SubmitTransferRequest request, bool complete = true)
    {
        var submitted = await CreateAsync(gateway, caller, request);
        var destination = new TransferService.TransferServiceClient(
            gateway.ChannelFor(submitted.DestinationMunicipality.Name["institutions/".Length..]));
        var accepted = await destination.AcceptTransferAsync(new AcceptTransferRequest { Name = submitted.Name, Etag = submitted.Etag });
        return complete
            ? await destination.CompleteTransferAsync(new CompleteTransferRequest { Name = accepted.Name, Etag = accepted.Etag })
            : accepted;
    }

    private static async Task<List<SubmitTransferResponse>> ReadAllAsync(
        IAsyncStreamReader<SubmitTransferResponse> responses, CancellationToken cancellationToken)
    {
        var all = new List<SubmitTransferResponse>();
        while (await responses.MoveNext(cancellationToken))
        {
            all.Add(responses.Current);
        }

        return all;
    }
}
