using DeinstGateway.Benchmarks.Infrastructure;
using DeinstGateway.Core.Access;
using Proto = Deinst.V1;

namespace DeinstGateway.Benchmarks.Transfers;

/// <summary>A transfer handed over, and the client it made.</summary>
public sealed record HandedOverClient(string Transfer, string Client);

/// <summary>
/// Untimed set-up: clients made as the gateway makes them. The source submits the transfers on one
/// SubmitTransfers stream, every one must be CREATED; the destination municipality then reads,
/// accepts and completes each, which makes it responsible for the client and the transfer's
/// provider the one serving it.
/// </summary>
public static class TransferHandover
{
    /// <returns>One per transfer, in the order the gateway answered the submissions.</returns>
    public static async Task<List<HandedOverClient>> CreateClientsAsync(
        GatewayHost host, string source, string municipality, Proto.SubmitTransferRequest[] transfers)
    {
        var stream = await SubmitStream.RunAsync(host.ChannelFor(source, Purposes.TransferHandover), transfers);
        var kept = stream.Kept;
        if (stream.Received != transfers.Length || kept.Any(r => r.Outcome != Proto.SubmitOutcome.Created))
        {
            var bad = kept.FirstOrDefault(r => r.Outcome != Proto.SubmitOutcome.Created);
            throw new BenchmarkFailedException(
                $"creating the clients: {stream.Received} answers for {transfers.Length} transfers; first not CREATED: {bad?.Outcome} {bad?.Error?.Message}");
        }

        var destination = new Proto.TransferService.TransferServiceClient(host.ChannelFor(municipality, Purposes.TransferHandover));
        var clients = new List<HandedOverClient>(kept.Count);
        foreach (var answer in kept)
        {
            var transfer = await destination.GetTransferAsync(new Proto.GetTransferRequest { Name = answer.Transfer });
            var accepted = await destination.AcceptTransferAsync(new Proto.AcceptTransferRequest { Name = transfer.Name, Etag = transfer.Etag });
            await destination.CompleteTransferAsync(new Proto.CompleteTransferRequest { Name = accepted.Name, Etag = accepted.Etag });
            clients.Add(new HandedOverClient(transfer.Name, transfer.Client));
        }

        return clients;
    }
}
