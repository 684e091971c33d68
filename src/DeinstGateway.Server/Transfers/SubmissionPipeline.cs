using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Server.Telemetry;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Transfers;

/// <summary>
/// Runs one SubmitTransfers stream as three overlapping stages: messages are read and prepared
/// (validated, hashed, encrypted) ahead; each prepared batch is written in one transaction; the
/// answers of a committed batch are sent, in order, while the next batch is written. Only the
/// database work is on the writer's path, and batching keeps it at a few commits per thousand
/// transfers instead of one each.
/// </summary>
public sealed class SubmissionPipeline(TransferSubmissions submissions, TransferOptions options, GatewayMetrics metrics)
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
        // Answers of a committed batch go out while the next batch is written.
        var answered = Channel.CreateBounded<IReadOnlyList<SubmitResult>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var reading = ReadAllAsync(requests, arrived.Writer, cancellationToken);
        var preparing = Task.Run(() => PrepareAllAsync(caller, arrived.Reader, prepared.Writer, cancellationToken), cancellationToken);
        var answering = AnswerAllAsync(answered, responses, cancellationToken);

        ExceptionDispatchInfo? failure = null;
        try
        {
            await foreach (var batch in prepared.Reader.ReadAllAsync(cancellationToken))
            {
                var results = await submissions.ApplyAsync(caller, batch, cancellationToken);
                metrics.TransfersAnswered(results);
                await answered.Writer.WriteAsync(results, cancellationToken);
            }
        }
        catch (ChannelClosedException)
        {
            // The answering side failed (the caller went away): awaiting it reports its error.
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }

        // Committed batches are answered before the stream ends, also when a later one failed.
        answered.Writer.TryComplete();
        await answering;
        failure?.Throw();
        await Task.WhenAll(reading, preparing);
    }

    private static async Task AnswerAllAsync(
        Channel<IReadOnlyList<SubmitResult>> answered, IServerStreamWriter<SubmitTransferResponse> responses, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var results in answered.Reader.ReadAllAsync(cancellationToken))
            {
                await WriteAsync(responses, results, cancellationToken);
            }
        }
        catch (Exception e)
        {
            answered.Writer.TryComplete(e);
            throw;
        }
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
