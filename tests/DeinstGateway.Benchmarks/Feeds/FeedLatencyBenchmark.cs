using System.Diagnostics;
using System.Globalization;
using DeinstGateway.Benchmarks.Infrastructure;
using DeinstGateway.Benchmarks.Transfers;
using DeinstGateway.Core.Access;
using Deinst.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace DeinstGateway.Benchmarks.Feeds;

/// <summary>
/// <c>feed-latency</c>: how long a committed transfer takes to reach every open
/// <c>WatchTransfers</c> subscriber, when it is submitted through the subscribers' own gateway
/// (same process: the commit wakes the watcher at once) and through a second replica in a process
/// of its own on the same SQLite file (<see cref="ReplicaProcess"/>: found by the watcher's change
/// probe). One change at a time: each is timed from just before its submission is sent until each
/// subscriber has it, so every figure includes the submission itself (shown beside). Also the
/// gateways' CPU while the subscribers sit idle.
/// </summary>
public sealed class FeedLatencyBenchmark(FeedLatencyOptions options)
{
    public const string Name = "feed-latency";

    /// <summary>The destination municipality whose feed the subscribers watch.</summary>
    private const string Subscriber = "mun-madona";

    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(10);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<int> RunAsync()
    {
        Console.WriteLine(Line($"{Name}: {options.Changes} transfers per configuration, one at a time, submitted by {TransferRequestFactory.Caller} to {Subscriber}; subscribers: {string.Join(", ", options.Subscribers)} open WatchTransfers streams of {Subscriber} on the first gateway; the second replica is a separate process on the same SQLite file; build {BenchmarkRuns.Build}"));
        await BenchmarkRuns.RunAsync(Name, options.Runs, RunOnceAsync, (_, _) => { });
        return 0;
    }

    private async Task<int> RunOnceAsync(DevelopmentPki pki, string folder, int run)
    {
        string[] settings =
        [
            Line($"Limits:MaxOpenFeedsPerInstitution={options.Subscribers.Max() + 1}"),
            "Limits:CallsPerSecond=100000000",
            "Limits:Burst=100000000",
        ];
        await using var local = await GatewayHost.StartAsync(pki, folder, settings);
        await using var replica = await ReplicaProcess.StartAsync(pki, folder, settings);
        var writers = new (string Name, GrpcChannel Channel)[]
        {
            ("same process", local.ChannelFor(TransferRequestFactory.Caller, Purposes.TransferHandover)),
            ("across processes", GatewayChannel.For(replica.Address, pki, TransferRequestFactory.Caller, Purposes.TransferHandover)),
        };
        var pending = new Queue<SubmitTransferRequest>(TransferRequestFactory
            .Build(3 * (options.Subscribers.Count * (2 * options.Changes + 1) + 1), DateOnly.FromDateTime(DateTime.UtcNow), seed: run)
            .Where(r => r.Transfer.DestinationMunicipality == "institutions/" + Subscriber));

        var lastSequence = 0L;
        foreach (var count in options.Subscribers)
        {
            using var subscribers = GatewayChannel.For(local.Address, pki, Subscriber, Purposes.TransferHandover);
            await using var feeds = await FeedSubscribers.OpenAsync(subscribers, count, lastSequence);
            // Untimed: every stream is open and has read a change before the timing starts.
            await SubmitAndWaitAsync(writers[0].Channel, pending.Dequeue(), feeds);

            ProcessMeter.Settle();
            var (cpuHere, cpuReplica) = (ProcessMeter.Read().Cpu, replica.ProcessorTime);
            await Task.Delay(Idle);
            var idleHere = ProcessMeter.Read().Cpu - cpuHere;
            var idleReplica = replica.ProcessorTime - cpuReplica;
            Console.WriteLine(Line($"run {run} · {count} subscribers idle for {Idle.TotalSeconds:F0} s: first gateway's process (gateway + the subscribers' client side) {idleHere.TotalMilliseconds:F0} ms CPU ({100 * idleHere / Idle:F2} % of a core); replica {idleReplica.TotalMilliseconds:F0} ms ({100 * idleReplica / Idle:F2} %)"));

            foreach (var (name, channel) in writers)
            {
                var latencies = new List<double>(options.Changes * count);
                var submissions = new List<double>(options.Changes);
                for (var change = 0; change < options.Changes; change++)
                {
                    // Untimed: a random pause, so that submissions do not fall in step with the other replica's 100 ms probe.
                    await Task.Delay(Random.Shared.Next(0, 100));
                    var (submitted, arrivals) = await SubmitAndWaitAsync(channel, pending.Dequeue(), feeds);
                    submissions.Add(submitted);
                    latencies.AddRange(arrivals);
                }

                var sorted = latencies.Order().ToArray();
                var submit = submissions.Order().ToArray();
                lastSequence = feeds.LastSequence;
                Console.WriteLine(Line($"run {run} · {count} subscribers · {name}: submission → subscriber p50 {RunStatistics.Percentile(sorted, 0.5):F1} ms, p99 {RunStatistics.Percentile(sorted, 0.99):F1} ms, max {sorted[^1]:F1} ms over {sorted.Length} arrivals; the submission call alone p50 {RunStatistics.Percentile(submit, 0.5):F1} ms, p99 {RunStatistics.Percentile(submit, 0.99):F1} ms"));
            }
        }

        return 0;
    }

    /// <summary>Submits one transfer and waits until every subscriber has it: ms of the call, ms to each arrival.</summary>
    private static async Task<(double Submitted, double[] Arrivals)> SubmitAndWaitAsync(
        GrpcChannel channel, SubmitTransferRequest request, FeedSubscribers feeds)
    {
        var start = Stopwatch.GetTimestamp();
        var expected = feeds.Expect(start);
        using (var call = new TransferService.TransferServiceClient(channel).SubmitTransfers())
        {
            await call.RequestStream.WriteAsync(request);
            await call.RequestStream.CompleteAsync();
            var responses = await call.ResponseStream.ReadAllAsync().ToListAsync();
            if (responses is not [{ Outcome: SubmitOutcome.Created } created])
            {
                throw new BenchmarkFailedException($"a submission was answered {string.Join(", ", responses)}, expected one CREATED");
            }

            expected.Name(created.Transfer);
        }

        var submitted = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return (submitted, await expected.ArrivalsAsync(ArrivalTimeout));
    }

    private static string Line(FormattableString text) => text.ToString(Invariant);
}
