using System.Threading.Channels;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.ServiceRecords;
using DeinstGateway.Server.Telemetry;
using Grpc.Core;
using Proto = Deinst.V1;

namespace DeinstGateway.Server.ServiceRecords;

/// <summary>
/// Runs one RecordServices or RecordServiceBatches stream: keeps reading records and prepares the next batch (parsing,
/// digests, registry facts) on the other core while the previous one is decided and written in one
/// transaction, so that the client is not held back by flow control while a batch is written. The
/// stages hand each other whole batches: a hand-over per record woke the next stage's thread for
/// every record. The batches are decided strictly one after another, each after the one before
/// has committed, so a record's rules count every record accepted before it in the stream. The
/// answer sums the batches and lists only the first rejections (<see cref="RecordSummary.Add"/>),
/// so it can always be sent after the batches committed.
/// </summary>
public sealed class RecordingPipeline(ServiceRecording recording, ServiceRecordOptions options, GatewayMetrics metrics)
{
    /// <summary>Most records in one message of RecordServiceBatches.</summary>
    public const int MaxRecordsPerMessage = 1000;

    /// <summary>RecordServices: one record per message.</summary>
    public Task<RecordSummary> RunAsync(Caller caller, IAsyncStreamReader<Proto.RecordServiceRequest> requests, CancellationToken cancellationToken) =>
        RunAsync(caller, async (arrived, token) =>
        {
            while (await requests.MoveNext(token))
            {
                await arrived.AddAsync(requests.Current.ToInput(), token);
            }

            return null;
        }, cancellationToken);

    /// <summary>
    /// RecordServiceBatches: each message's records in order, as if each had come in a message of
    /// its own. A message over the size limit stops the reading; what came before it is still
    /// decided and written, then the call fails.
    /// </summary>
    public Task<RecordSummary> RunAsync(Caller caller, IAsyncStreamReader<Proto.RecordServiceBatch> batches, CancellationToken cancellationToken) =>
        RunAsync(caller, async (arrived, token) =>
        {
            while (await batches.MoveNext(token))
            {
                var records = batches.Current.Records;
                if (records.Count > MaxRecordsPerMessage)
                {
                    return new ValidationException("records", $"holds {records.Count} records; a message may hold at most {MaxRecordsPerMessage}");
                }

                foreach (var record in records)
                {
                    await arrived.AddAsync(record.ToInput(), token);
                }
            }

            return null;
        }, cancellationToken);

    /// <param name="read">Reads the stream into batches; returns why it stopped early, if it did.</param>
    private async Task<RecordSummary> RunAsync(
        Caller caller, Func<Batcher, CancellationToken, Task<DomainException?>> read, CancellationToken cancellationToken)
    {
        // One read batch waits while the one before is prepared.
        var arrived = Channel.CreateBounded<List<RecordInput>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        // One prepared batch waits while the previous one is written.
        var prepared = Channel.CreateBounded<PreparedRecords>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadAllAsync(read, arrived.Writer, stop.Token), CancellationToken.None);
        var preparing = Task.Run(() => PrepareAllAsync(caller, arrived.Reader, prepared.Writer, stop.Token), CancellationToken.None);
        var answer = RecordSummary.None;
        try
        {
            await foreach (var batch in prepared.Reader.ReadAllAsync(cancellationToken))
            {
                var decided = await recording.ApplyAsync(caller, batch, cancellationToken);
                metrics.RecordsAnswered(decided.Accepted, decided.Duplicate, decided.Rejected);
                answer = answer.Add(decided);
            }
        }
        finally
        {
            // After a failed batch the reader may be waiting for the client or for room: the call
            // must not end while it still reads the request stream.
            await stop.CancelAsync();
            await Task.WhenAll(reading, preparing);
        }

        if (await reading is { } refusal)
        {
            throw refusal;
        }

        return answer;
    }

    private async Task<DomainException?> ReadAllAsync(
        Func<Batcher, CancellationToken, Task<DomainException?>> read, ChannelWriter<List<RecordInput>> arrived, CancellationToken cancellationToken)
    {
        try
        {
            var batcher = new Batcher(arrived, options.RecordBatchSize);
            var refusal = await read(batcher, cancellationToken);
            await batcher.FlushAsync(cancellationToken);
            arrived.Complete();
            return refusal;
        }
        catch (Exception e)
        {
            arrived.Complete(e);
            return null;
        }
    }

    private async Task PrepareAllAsync(
        Caller caller, ChannelReader<List<RecordInput>> arrived, ChannelWriter<PreparedRecords> prepared, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in arrived.ReadAllAsync(cancellationToken))
            {
                await prepared.WriteAsync(await recording.PrepareAsync(caller, batch, cancellationToken), cancellationToken);
            }

            prepared.Complete();
        }
        catch (Exception e)
        {
            prepared.Complete(e);
        }
    }

    /// <summary>Collects the records read into batches of the transaction's size and hands each full one on.</summary>
    private sealed class Batcher(ChannelWriter<List<RecordInput>> batches, int size)
    {
        private List<RecordInput> _batch = new(size);

        public ValueTask AddAsync(RecordInput input, CancellationToken cancellationToken)
        {
            _batch.Add(input);
            return _batch.Count < size ? ValueTask.CompletedTask : HandOnAsync(cancellationToken);
        }

        /// <summary>Hands on the last records, fewer than a batch.</summary>
        public ValueTask FlushAsync(CancellationToken cancellationToken) =>
            _batch.Count > 0 ? HandOnAsync(cancellationToken) : ValueTask.CompletedTask;

        private ValueTask HandOnAsync(CancellationToken cancellationToken)
        {
            var full = _batch;
            _batch = new List<RecordInput>(size);
            return batches.WriteAsync(full, cancellationToken);
        }
    }
}
