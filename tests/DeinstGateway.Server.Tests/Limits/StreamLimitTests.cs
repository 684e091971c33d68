using System.Diagnostics;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Google.Rpc;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Limits;

/// <summary>The message cap and idle time of request streams, each on a gateway of its own so row counts are exact.</summary>
public sealed class StreamLimitTests
{
    private const string Centre = "vsac-zemgale";

    [Fact]
    public async Task Submit_MoreMessagesThanTheCap_AnswersAndCommitsExactlyTheCapThenIsResourceExhausted()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Limits:MaxMessagesPerStream=5", "Transfers:SubmitBatchSize=2");
        var requests = Enumerable.Range(0, 8).Select(_ => TransferRequests.Valid()).ToList();
        using var call = Transfers(gateway).SubmitTransfers();

        var reading = ReadUntilEndAsync(call.ResponseStream);
        await WriteUntilEndedAsync(call.RequestStream, requests, complete: true);
        var (answers, end) = await reading;

        Assert.Equal(requests.Take(5).Select(r => r.RequestId), answers.Select(a => a.RequestId));
        Assert.All(answers, a => Assert.Equal(SubmitOutcome.Created, a.Outcome));
        Assert.Equal(StatusCode.ResourceExhausted, end.StatusCode);
        Assert.Equal("STREAM_MESSAGE_LIMIT", end.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        await AssertWholeTransfersAsync(gateway, 5);
    }

    [Fact]
    public async Task RecordServices_MoreMessagesThanTheCap_IsResourceExhausted()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Limits:MaxMessagesPerStream=2");
        using var call = new ServiceRecordService.ServiceRecordServiceClient(gateway.ChannelFor("mun-riga")).RecordServices();

        var records = Enumerable.Range(0, 3).Select(_ => new RecordServiceRequest { RequestId = Guid.NewGuid().ToString() }).ToList();
        await WriteUntilEndedAsync(call.RequestStream, records, complete: true);

        var status = await RpcAssert.FailsWith(StatusCode.ResourceExhausted, () => call.ResponseAsync);
        Assert.Equal("STREAM_MESSAGE_LIMIT", status?.GetDetail<ErrorInfo>()?.Reason);
    }

    [Fact]
    public async Task RecordServiceBatches_MoreRecordsThanTheCapInFewerMessages_IsResourceExhausted()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Limits:MaxMessagesPerStream=4");
        using var call = new ServiceRecordService.ServiceRecordServiceClient(gateway.ChannelFor("mun-riga")).RecordServiceBatches();

        var batches = Enumerable.Range(0, 2).Select(_ => new RecordServiceBatch
        {
            Records = { Enumerable.Range(0, 3).Select(_ => new RecordServiceRequest { RequestId = Guid.NewGuid().ToString() }) },
        }).ToList();
        await WriteUntilEndedAsync(call.RequestStream, batches, complete: true);

        var status = await RpcAssert.FailsWith(StatusCode.ResourceExhausted, () => call.ResponseAsync);
        Assert.Equal("STREAM_MESSAGE_LIMIT", status?.GetDetail<ErrorInfo>()?.Reason);
    }

    [Fact]
    public async Task Submit_SilentLongerThanTheIdleTime_IsDeadlineExceededAfterWhatWasSentIsCommitted()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Limits:StreamIdleSeconds=1");
        var requests = Enumerable.Range(0, 3).Select(_ => TransferRequests.Valid()).ToList();
        using var call = Transfers(gateway).SubmitTransfers(deadline: DateTime.UtcNow.AddSeconds(30));

        var reading = ReadUntilEndAsync(call.ResponseStream);
        await WriteUntilEndedAsync(call.RequestStream, requests, complete: false);
        var silence = Stopwatch.StartNew();
        var (answers, end) = await reading;

        Assert.Equal(3, answers.Count(a => a.Outcome == SubmitOutcome.Created));
        Assert.Equal(StatusCode.DeadlineExceeded, end.StatusCode);
        Assert.Equal("STREAM_IDLE", end.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.InRange(silence.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(10));
        await AssertWholeTransfersAsync(gateway, 3);
    }

    [Fact]
    public async Task RecordServices_SilentLongerThanTheIdleTime_IsDeadlineExceeded()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Limits:StreamIdleSeconds=1");
        using var call = new ServiceRecordService.ServiceRecordServiceClient(gateway.ChannelFor("mun-riga"))
            .RecordServices(deadline: DateTime.UtcNow.AddSeconds(30));

        var status = await RpcAssert.FailsWith(StatusCode.DeadlineExceeded, () => call.ResponseAsync);

        Assert.Equal("STREAM_IDLE", status?.GetDetail<ErrorInfo>()?.Reason);
    }

    [Fact]
    public async Task WatchTransfers_QuietLongerThanTheIdleTime_StaysOpenWithHeartbeats()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Limits:StreamIdleSeconds=1", "Feeds:HeartbeatSeconds=1");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        using var call = Transfers(gateway).WatchTransfers(new WatchTransfersRequest(), cancellationToken: stop.Token);

        var (events, end) = await ReadUntilEndAsync(call.ResponseStream);

        Assert.Equal(StatusCode.Cancelled, end.StatusCode);
        Assert.True(stop.IsCancellationRequested);
        Assert.True(events.Count >= 2, $"{events.Count} heartbeats in 3 s");
        Assert.All(events, e => Assert.Equal(TransferEvent.KindOneofCase.Heartbeat, e.KindCase));
    }

    private static TransferService.TransferServiceClient Transfers(GatewayProcess gateway) => new(gateway.ChannelFor(Centre));

    /// <summary>Sends what it can: once the server has ended the call, writing fails and the rest is dropped.</summary>
    private static async Task WriteUntilEndedAsync<T>(IClientStreamWriter<T> requests, IEnumerable<T> messages, bool complete)
    {
        try
        {
            foreach (var message in messages)
            {
                await requests.WriteAsync(message);
            }

            if (complete)
            {
                await requests.CompleteAsync();
            }
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // The call has ended; its status is read from the responses.
        }
    }

    /// <summary>Every answer up to the call's end, and the status it ended with.</summary>
    private static async Task<(List<T> Answers, RpcException End)> ReadUntilEndAsync<T>(IAsyncStreamReader<T> responses)
    {
        var answers = new List<T>();
        try
        {
            while (await responses.MoveNext(CancellationToken.None))
            {
                answers.Add(responses.Current);
            }
        }
        catch (RpcException e)
        {
            return (answers, e);
        }

        throw new InvalidOperationException($"The call ended normally after {answers.Count} answers.");
    }

    private static async Task AssertWholeTransfersAsync(GatewayProcess gateway, int expected)
    {
        string[] count = [expected.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        Assert.Equal(count, await SqliteFile.ColumnAsync(gateway.DatabasePath, "SELECT COUNT(*) FROM transfers"));
        Assert.Equal(count, await SqliteFile.ColumnAsync(gateway.DatabasePath, "SELECT COUNT(*) FROM clients"));
        Assert.Equal(count, await SqliteFile.ColumnAsync(gateway.DatabasePath, "SELECT COUNT(*) FROM transfer_events"));
    }
}
