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
