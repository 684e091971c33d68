using System.Threading.Channels;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Transfers;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Transfers;

/// <summary>
/// Runs one SubmitTransfers stream: reads ahead while a batch of what has already arrived is
/// written in one transaction, then answers every message of the batch in order. Batching keeps
/// the database at a few commits per thousand transfers instead of one each.
/// </summary>
public sealed class SubmissionPipeline(TransferSubmissions submissions, TransferOptions options)
{
    public async Task RunAsync(
        Caller caller,
        IAsyncStreamReader<SubmitTransferRequest> requests,
        IServerStreamWriter<SubmitTransferResponse> responses,
        CancellationToken cancellationToken)
    {
        var arrived = Channel.CreateBounded<SubmitTransferRequest>(new BoundedChannelOptions(options.SubmitBatchSize * 2)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        // One prepared batch waits while the previous one is written: validation and hashing of
        // the next batch run on the other core during the current batch's transaction.
        var prepared = Channel.CreateBounded<PreparedBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var reading = ReadAllAsync(requests, arrived.Writer, cancellationToken);
        var preparing = Task.Run(() => PrepareAllAsync(caller, arrived.Reader, prepared.Writer, cancellationToken), cancellationToken);

        await foreach (var batch in prepared.Reader.ReadAllAsync(cancellationToken))
        {
            var results = await submissions.ApplyAsync(caller, batch, cancellationToken);
            await WriteAsync(responses, results, cancellationToken);
        }

        await Task.WhenAll(reading, preparing);
    }

    private async Task PrepareAllAsync(
        Caller caller, ChannelReader<SubmitTransferRequest> arrived, ChannelWriter<PreparedBatch> prepared, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new List<SubmissionInput>(options.SubmitBatchSize);
            while (await arrived.WaitToReadAsync(cancellationToken))
            {
                while (batch.Count < options.SubmitBatchSize && arrived.TryRead(out var request))
                {
                    batch.Add(request.ToInput());
                }

                await prepared.WriteAsync(await submissions.PrepareAsync(caller, batch, cancellationToken), cancellationToken);
                batch = new List<SubmissionInput>(options.SubmitBatchSize);
            }

            prepared.Complete();
        }
        catch (Exception e)
        {
            prepared.Complete(e);
        }
    }

    private static async Task ReadAllAsync(
        IAsyncStreamReader<SubmitTransferRequest> requests, ChannelWriter<SubmitTransferRequest> arrived, CancellationToken cancellationToken)
    {
        try
        {
            while (await requests.MoveNext(cancellationToken))
            {
                await arrived.WriteAsync(requests.Current, cancellationToken);
            }

            arrived.Complete();
        }
        catch (Exception e)
        {
            arrived.Complete(e);
        }
    }

    // Only the last answer of a batch is flushed: one network write per batch, not per message.
    private static async Task WriteAsync(
        IServerStreamWriter<SubmitTransferResponse> responses, IReadOnlyList<SubmitResult> results, CancellationToken cancellationToken)
    {
        for (var i = 0; i < results.Count; i++)
        {
            responses.WriteOptions = i < results.Count - 1 ? new WriteOptions(WriteFlags.BufferHint) : null;
            await responses.WriteAsync(results[i].ToProto(), cancellationToken);
        }
    }
}
