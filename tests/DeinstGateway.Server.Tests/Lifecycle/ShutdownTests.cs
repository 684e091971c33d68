using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Lifecycle;

/// <summary>A gateway in a process of its own, stopped with SIGTERM as an orchestrator stops it during a rolling restart.</summary>
public sealed class ShutdownTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Kestrel logs this (at Debug) only when the shutdown timeout (Gateway:ShutdownTimeoutSeconds,
    /// 5 s) ran out with calls still open and it had to cut them: its absence shows the shutdown
    /// finished on its own, within the timeout, without measuring any time.
    /// </summary>
    private const string ForcedShutdown = "Some connections failed to close gracefully";

    [Fact]
    public async Task Sigterm_WithFeedsOpen_FeedsEndUnavailableTheProcessExitsCleanlyAndAnotherGatewayResumesWithoutLoss()
    {
        var path = GatewayProcess.NewDatabasePath();
        using var patience = new CancellationTokenSource(Patience);
        await using var first = await GatewayChildProcess.StartOnAsync(
            AppContext.BaseDirectory, path, "Feeds:HeartbeatSeconds=1", "Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel=Debug");
        var submitted = await SubmitAsync(first.ChannelFor("vsac-zemgale"), 2, patience.Token);
        using var transfers = new TransferService.TransferServiceClient(first.ChannelFor("mun-jelgava"))
            .WatchTransfers(new WatchTransfersRequest(), cancellationToken: patience.Token);
        var seen = await TransferChanges.ReadAsync(transfers.ResponseStream, 2, patience.Token);
        using var capacity = OpenFeed.Start(OpenFeed.Capacity, first.ChannelFor("pr-zemgale"), patience.Token);
        Assert.True(await capacity.MoveNext(patience.Token));
        var transfersEnding = EndOf(transfers.ResponseStream, patience.Token);
        var capacityEnding = capacity.EndAsync(patience.Token);

        var exitCode = await first.TerminateAsync(patience.Token);
        var transfersEnd = await transfersEnding;
        var capacityEnd = await capacityEnding;
        await using var second = await GatewayProcess.StartAsync(path);
        var later = await SubmitAsync(second.ChannelFor("vsac-zemgale"), 2, patience.Token);
        using var resumed = new TransferService.TransferServiceClient(second.ChannelFor("mun-jelgava"))
            .WatchTransfers(new WatchTransfersRequest { AfterSequence = seen[^1].Sequence }, cancellationToken: patience.Token);
        var afterResume = await TransferChanges.ReadAsync(resumed.ResponseStream, 2, patience.Token);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain(ForcedShutdown, first.Output, StringComparison.Ordinal);
        StoppingTests.AssertStopping(transfersEnd);
        StoppingTests.AssertStopping(capacityEnd);
        Assert.Equal(submitted, seen.Select(c => c.Transfer));
        Assert.Equal(later, afterResume.Select(c => c.Transfer));
    }

    private static async Task<List<string>> SubmitAsync(CallInvoker channel, int count, CancellationToken cancellationToken)
    {
        var answers = await TransferClient.SubmitAsync(
            channel, Enumerable.Range(0, count).Select(_ => TransferRequests.Valid(source: "vsac-zemgale")), cancellationToken);
        Assert.All(answers, a => Assert.Equal(SubmitOutcome.Created, a.Outcome));
        return answers.Select(a => a.Transfer).ToList();
    }

    private static async Task<RpcException> EndOf(IAsyncStreamReader<TransferEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            while (await events.MoveNext(cancellationToken))
            {
                Assert.Equal(TransferEvent.KindOneofCase.Heartbeat, events.Current.KindCase);
            }
        }
        catch (RpcException e)
        {
            return e;
        }

        throw new InvalidOperationException("The feed ended without an error.");
    }
}
