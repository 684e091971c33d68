using System.Diagnostics;
using System.Globalization;
using DeinstGateway.Benchmarks.Infrastructure;
using DeinstGateway.Benchmarks.Transfers;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Audit;
using Microsoft.Extensions.DependencyInjection;
using Proto = Deinst.V1;

namespace DeinstGateway.Benchmarks.Audit;

/// <summary>
/// <c>access-log</c>: what logging every read costs. In each run, on a fresh gateway with 1,000
/// transfers: (1) access-log appends one at a time, each its own transaction, as a log without
/// group commit would write them; (2) the same appends from many concurrent reads, which group
/// commit batches into shared transactions; (3) GetTransfer over gRPC by the destination
/// municipality with many calls in flight, every one logged before it answers. The chain is
/// verified after each run.
/// </summary>
public sealed class AccessLogBenchmark(int reads, int runs, int concurrency)
{
    public const string Name = "access-log";

    private const string Municipality = "mun-jelgava";
    /// <summary>Submitted round the benchmark's three destinations: a third reach the municipality.</summary>
    private const int Transfers = 1_000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<int> RunAsync()
    {
        Console.WriteLine(string.Create(Invariant,
            $"access-log: {reads} logged reads per measure, {concurrency} in flight, {runs} run(s); client in process"));
        var results = await BenchmarkRuns.RunAsync(Name, runs, (pki, folder, _) => RunOnceAsync(pki, folder),
            (run, rates) => Console.WriteLine(string.Create(Invariant,
                $"run {run}/{runs}: one transaction per read {rates.Single:F0} entries/s; group commit {rates.Grouped:F0} entries/s ({rates.Grouped / rates.Single:F1}×); GetTransfer {rates.Calls:F0} logged reads/s")));

        Console.WriteLine(string.Create(Invariant, $"median of {runs}: one transaction per read {RunStatistics.Of(results.Select(r => r.Single).ToList()).Format("F0")} entries/s"));
        Console.WriteLine(string.Create(Invariant, $"median of {runs}: group commit, {concurrency} in flight {RunStatistics.Of(results.Select(r => r.Grouped).ToList()).Format("F0")} entries/s"));
        Console.WriteLine(string.Create(Invariant, $"median of {runs}: GetTransfer, {concurrency} in flight, each logged {RunStatistics.Of(results.Select(r => r.Calls).ToList()).Format("F0")} reads/s"));
        return 0;
    }

    private async Task<(double Single, double Grouped, double Calls)> RunOnceAsync(DevelopmentPki pki, string folder)
    {
        // One institution makes every call here: its call rate must not be what is measured.
        await using var host = await GatewayHost.StartAsync(pki, folder, "Limits:CallsPerSecond=1000000", "Limits:Burst=1000000");
        var names = await CreateTransfersAsync(host);
        var log = host.Services.GetRequiredService<IAccessLog>();
        var entry = new AccessEntry(DateTimeOffset.UtcNow, Municipality, "benchmark", Rpcs.GetTransfer, Guid.NewGuid().ToString("D"), Purposes.TransferHandover, AccessOutcome.Read);

        // One transaction per read: a tenth of the reads, one after another, as nothing batches them.
        var singleCount = Math.Max(1, reads / 10);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < singleCount; i++)
        {
            await log.RecordReadsAsync([entry], CancellationToken.None);
        }

        var single = singleCount / Stopwatch.GetElapsedTime(start).TotalSeconds;

        start = Stopwatch.GetTimestamp();
        await InFlightAsync(reads, _ => log.RecordReadsAsync([entry], CancellationToken.None));
        var grouped = reads / Stopwatch.GetElapsedTime(start).TotalSeconds;

        var client = new Proto.TransferService.TransferServiceClient(host.ChannelFor(Municipality, Purposes.TransferHandover));
        start = Stopwatch.GetTimestamp();
        await InFlightAsync(reads, i => client.GetTransferAsync(new Proto.GetTransferRequest { Name = names[i % names.Count] }).ResponseAsync);
        var calls = reads / Stopwatch.GetElapsedTime(start).TotalSeconds;

        var verdict = await host.Services.GetRequiredService<AccessLogChain>().VerifyAsync(log.ReadAllAsync(CancellationToken.None), null, CancellationToken.None);
        // A written entry per transfer created, then every read measured.
        var expected = names.Count + singleCount + 2L * reads;
        if (!verdict.Intact || verdict.VerifiedEntries < expected)
        {
            throw new BenchmarkFailedException($"access log: {verdict.VerifiedEntries} entries verified (at least {expected} expected), broken at {verdict.FirstBrokenPosition}");
        }

        return (single, grouped, calls);
    }

    private async Task InFlightAsync(int total, Func<int, Task> read)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                await read(i);
            }
        }));
    }

    private static async Task<List<string>> CreateTransfersAsync(GatewayHost host)
    {
        var requests = TransferRequestFactory.Build(Transfers, DateOnly.FromDateTime(DateTime.UtcNow), seed: 7)
            .Where(r => r.Transfer.DestinationMunicipality == "institutions/" + Municipality)
            .ToList();
        var stream = await SubmitStream.RunAsync(host.ChannelFor(TransferRequestFactory.Caller, Purposes.TransferHandover), requests);
        if (stream.Kept.Any(r => r.Outcome != Proto.SubmitOutcome.Created))
        {
            throw new BenchmarkFailedException("creating the transfers: not every one was CREATED");
        }

        return stream.Kept.Select(r => r.Transfer).ToList();
    }
}
