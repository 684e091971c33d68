using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using DeinstGateway.Benchmarks.Infrastructure;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Capacity;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;
using DeinstGateway.Server.Capacity;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Proto = Deinst.V1;

namespace DeinstGateway.Benchmarks.Capacity;

/// <summary>
/// <c>capacity-query</c>: the latency of one planning region's unfiltered QueryCapacity over a
/// region with many providers and a transfer history behind their places. Each run writes a
/// reference-data variant with generated Zemgale providers, starts a fresh gateway over a fresh
/// SQLite file on it, submits, accepts and completes transfers to those providers (untimed), then
/// times sequential unary QueryCapacity calls as <c>pr-zemgale</c> and checks the last answer
/// against the file and the set-up. The client runs in this process: the calls are sequential,
/// so it adds its own CPU per call to each latency but does not compete with a queue of calls.
/// After the timed calls, an untimed breakdown calls the same layers directly in this process:
/// the registry snapshot and what its reload reads, both store queries, the whole query, the
/// mapping to protobuf and the client's parse.
/// </summary>
public sealed class CapacityQueryBenchmark(CapacityQueryOptions options)
{
    public const string Name = "capacity-query";

    /// <summary>The caller: a planning region sees every provider of its region.</summary>
    public const string Caller = BenchReferenceData.PlanningRegion;

    private const int WarmUpCalls = 20;
    private const int BreakdownWarmUp = 5;
    private const int MaxBreakdownCalls = 100;

    /// <summary>The same providers and the same spread of transfers in every run.</summary>
    private const int Seed = 20_261_123;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private int BreakdownCalls => Math.Min(options.Calls, MaxBreakdownCalls);

    public async Task<int> RunAsync()
    {
        Console.WriteLine(Line($"capacity-query: {options.Calls} sequential QueryCapacity calls as {Caller} (no filter, today) over {options.Providers} generated providers and {options.Transfers} transfers, {options.Runs} run(s); client in process"));
        var runs = await BenchmarkRuns.RunAsync(Name, options.Runs, (pki, folder, _) => RunOnceAsync(pki, folder),
            (run, figures) => BenchmarkRuns.Print(run, options.Runs, Describe(figures), figures.Details));
        PrintSummary(runs);
        return 0;
    }

    private async Task<RunFigures> RunOnceAsync(DevelopmentPki pki, string folder)
    {
        // Untimed: the reference-data variant and every transfer message.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var data = BenchReferenceData.Write(
            Path.Combine(AppContext.BaseDirectory, "reference-data.json"),
            Path.Combine(folder, "reference-data.json"),
            options.Providers,
            Seed,
            today);
        var requests = CapacityLoad.Build(data, options.Transfers, today, Seed);
        var details = new List<string>();

        await using var host = await GatewayHost.StartAsync(pki, folder, "Registry:ReferenceDataPath=" + data.Path);

        // Untimed set-up: the places taken by transfers.
        var load = await CapacityLoad.RunAsync(host, requests);
        details.Add(Line($"set-up (untimed): {load.Submitted} transfers submitted on one stream in {load.Submit.TotalSeconds:F1} s; etags listed by the 6 municipalities in {load.Etags.TotalSeconds:F1} s; accepted {load.Accepted}, refused for a full provider (FAILED_PRECONDITION) {load.RefusedFull}, completed {load.Completed}, {CapacityLoad.Parallelism} calls at a time, in {load.AcceptComplete.TotalSeconds:F1} s"));

        // Timed: sequential unary calls, each on its own stopwatch.
        var client = new Proto.CapacityService.CapacityServiceClient(host.ChannelFor(Caller, Purposes.Supervision));
        var request = new Proto.QueryCapacityRequest();
        for (var i = 0; i < WarmUpCalls; i++)
        {
            await client.QueryCapacityAsync(request);
        }

        var latencies = new double[options.Calls];
        var rowCounts = new int[options.Calls];
        Proto.QueryCapacityResponse? last = null;
        ProcessMeter.Settle();
        var before = ProcessMeter.Read();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < options.Calls; i++)
        {
            var called = Stopwatch.GetTimestamp();
            last = await client.QueryCapacityAsync(request);
            latencies[i] = Stopwatch.GetElapsedTime(called).TotalMilliseconds;
            rowCounts[i] = last.Rows.Count;
        }

        var wall = Stopwatch.GetElapsedTime(start);
        var after = ProcessMeter.Read();

        details.Add(Verify(last!, rowCounts, data, load));
        details.Add("gateway + client process (one process): " + after.Describe(before, wall, options.Calls));

        var breakdown = await BreakdownAsync(host, last!.CalculateSize());
        details.Add(Line($"breakdown (untimed, {BreakdownCalls} direct calls each in this process; p50 ms, KB allocated per call): ") + string.Join("; ", breakdown.Select(b => Line($"{b.Key} {b.Value.P50:F2} ms, {b.Value.AllocatedKb:F0} KB"))));

        var sorted = latencies.Order().ToArray();
        return new RunFigures(
            RunStatistics.Percentile(sorted, 0.50),
            RunStatistics.Percentile(sorted, 0.90),
            RunStatistics.Percentile(sorted, 0.99),
            sorted[^1],
            options.Calls / wall.TotalSeconds,
            last.Rows.Count,
            last.Municipalities.Count,
            last.PlanningRegions.Count,
            last.CalculateSize(),
            data,
            load,
            breakdown,
            details);
    }

    /// <summary>
    /// The answer agrees with the file and the set-up: one row per declared (provider, service)
    /// pair of the region in every call; roll-ups and the total are the sums of the rows; the
    /// places declared, reserved and occupied are those the file and the set-up account for.
    /// </summary>
    internal static string Verify(Proto.QueryCapacityResponse response, int[] rowCounts, BenchReferenceData data, LoadFigures load)
    {
        if (rowCounts.Any(c => c != data.RegionPairs))
        {
            throw new BenchmarkFailedException(
                $"rows per answer ranged {rowCounts.Min()}–{rowCounts.Max()}; the region declares {data.RegionPairs} (provider, service) pairs");
        }

        var foreign = response.Rows.FirstOrDefault(r => r.PlanningRegion?.Name != "institutions/" + BenchReferenceData.PlanningRegion);
        if (foreign is not null)
        {
            throw new BenchmarkFailedException($"a row of {foreign.Provider?.Name} lies in {foreign.PlanningRegion?.Name}, outside the caller's region");
        }

        if (response.Rows.Select(r => (r.Provider.Name, r.ServiceType)).Distinct().Count() != response.Rows.Count)
        {
            throw new BenchmarkFailedException("a (provider, service) pair has more than one row");
        }

        CheckRollUps("planning region", response.PlanningRegions, response.Rows, r => r.PlanningRegion.Name);
        CheckRollUps("municipality", response.Municipalities, response.Rows, r => r.Municipality.Name);
        var sum = Sum(response.Rows);
        if (!Same(sum, response.Total))
        {
            throw new BenchmarkFailedException($"the total {Show(response.Total)} is not the sum of the rows {Show(sum)}");
        }

        var regionTotal = response.PlanningRegions.Aggregate(new Proto.PlaceCounts(), (s, r) => Add(s, r.Counts));
        if (regionTotal.Total != data.RegionPlaces
            || regionTotal.Occupied != load.Completed
            || regionTotal.Reserved != load.Accepted - load.Completed)
        {
            throw new BenchmarkFailedException(
                $"the region counts {Show(regionTotal)}, expected total {data.RegionPlaces} (file), occupied {load.Completed} (completed), reserved {load.Accepted - load.Completed} (accepted, not completed)");
        }

        return Line($"verified: {response.Rows.Count} rows in every call = the region's declared (provider, service) pairs; planning-region and municipality roll-ups and the total equal the sums of the rows (total, occupied, reserved, free); region {Show(regionTotal)} = places in the file, completed, accepted − completed");
    }

    private static void CheckRollUps(
        string level, IEnumerable<Proto.CapacityRollUp> rollUps, IEnumerable<Proto.CapacityRow> rows, Func<Proto.CapacityRow, string> groupOf)
    {
        var expected = rows.GroupBy(r => (Group: groupOf(r), r.ServiceType)).ToDictionary(g => g.Key, Sum);
        var seen = 0;
        foreach (var rollUp in rollUps)
        {
            seen++;
            if (!expected.TryGetValue((rollUp.Institution.Name, rollUp.ServiceType), out var sum) || !Same(sum, rollUp.Counts))
            {
                throw new BenchmarkFailedException(
                    $"the {level} roll-up {rollUp.Institution.Name} {rollUp.ServiceType} {Show(rollUp.Counts)} is not the sum of its rows {(sum is null ? "(none)" : Show(sum))}");
            }
        }

        if (seen != expected.Count)
        {
            throw new BenchmarkFailedException($"{seen} {level} roll-ups for {expected.Count} groups of rows");
        }
    }

    private static Proto.PlaceCounts Sum(IEnumerable<Proto.CapacityRow> rows) =>
        rows.Aggregate(new Proto.PlaceCounts(), (sum, r) => Add(sum, r.Counts));

    private static Proto.PlaceCounts Add(Proto.PlaceCounts left, Proto.PlaceCounts right) => new()
    {
        Total = left.Total + right.Total,
        Occupied = left.Occupied + right.Occupied,
        Reserved = left.Reserved + right.Reserved,
        Free = left.Free + right.Free,
    };

    private static bool Same(Proto.PlaceCounts left, Proto.PlaceCounts right) =>
        left.Total == right.Total && left.Occupied == right.Occupied && left.Reserved == right.Reserved && left.Free == right.Free;

    private static string Show(Proto.PlaceCounts c) =>
        Line($"total {c.Total}, occupied {c.Occupied}, reserved {c.Reserved}, free {c.Free}");

    /// <summary>
    /// Untimed: the layers under QueryCapacity, called directly in a fresh DI scope each (as a
    /// request gets one), sequentially: p50 and mean bytes allocated per call of each. What the
    /// gRPC call adds on top is HTTP/2, TLS, authentication, the call pipeline and the client.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, Layer>> BreakdownAsync(GatewayHost host, int responseBytes)
    {
        var services = host.Services;
        var registry = services.GetRequiredService<IRegistrySnapshotSource>();
        var calendar = services.GetRequiredService<GatewayCalendar>();
        var caller = new Caller(Caller, InstitutionKind.PlanningRegion, "benchmark", DateTimeOffset.MaxValue);
        var filter = new CapacityFilter(null, null, null, null, null);
        var snapshot = await registry.GetAsync(CancellationToken.None);
        var providers = snapshot.Institutions
            .Where(i => i.Kind == InstitutionKind.ServiceProvider && CapacityScope.MaySee(caller, i))
            .Select(i => i.Code)
            .ToList();
        var today = calendar.Today;
        var endOfToday = calendar.StartOf(today.AddDays(1));
        CapacityReport? report = null;
        byte[] bytes = [];

        return new Dictionary<string, Layer>(StringComparer.Ordinal)
        {
            ["registry snapshot (cached)"] = await MeasureAsync(async () => await registry.GetAsync(CancellationToken.None)),
            [Line($"registry reload read ({snapshot.Institutions.Count()} institutions + service types)")] = await MeasureAsync(async () =>
            {
                await using var scope = services.CreateAsyncScope();
                var store = scope.ServiceProvider.GetRequiredService<IRegistryStore>();
                await store.AllInstitutionsAsync(CancellationToken.None);
                await store.ListServiceTypesAsync(CancellationToken.None);
            }),
            [Line($"store.Places + DeclarationsInForce ({providers.Count} providers)")] = await MeasureAsync(async () =>
            {
                await using var scope = services.CreateAsyncScope();
                (await scope.ServiceProvider.GetRequiredService<ICapacityStore>().PlacesAsync(CancellationToken.None)).DeclarationsInForce(providers, today);
            }),
            ["store.Holdings"] = await MeasureAsync(async () =>
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ICapacityStore>().HoldingsAsync(providers, endOfToday, CancellationToken.None);
            }),
            ["CapacityQueries.Query (whole)"] = await MeasureAsync(async () =>
            {
                await using var scope = services.CreateAsyncScope();
                report = await scope.ServiceProvider.GetRequiredService<CapacityQueries>().QueryAsync(caller, filter, CancellationToken.None);
            }),
            [Line($"to protobuf + serialize ({responseBytes / 1024.0:F0} KB)")] = await MeasureAsync(() =>
            {
                bytes = report!.ToProto(snapshot).ToByteArray();
                return Task.CompletedTask;
            }),
            ["client parse"] = await MeasureAsync(() =>
            {
                Proto.QueryCapacityResponse.Parser.ParseFrom(bytes);
                return Task.CompletedTask;
            }),
        };
    }

    private async Task<Layer> MeasureAsync(Func<Task> call)
    {
        for (var i = 0; i < BreakdownWarmUp; i++)
        {
            await call();
        }

        var times = new double[BreakdownCalls];
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < times.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Array.Sort(times);
        return new Layer(RunStatistics.Percentile(times, 0.50), allocated / 1024.0 / times.Length);
    }

    private static string Describe(RunFigures f) =>
        Line($"QueryCapacity p50 {f.P50:F2} ms, p90 {f.P90:F2} ms, p99 {f.P99:F2} ms, max {f.Max:F2} ms; {f.CallsPerSecond:F0} calls/s; answer {f.Rows} rows, {f.Municipalities} municipality roll-ups, {f.Regions} planning-region roll-ups, {f.Bytes / 1024.0:F0} KB");

    private void PrintSummary(List<RunFigures> runs)
    {
        Console.WriteLine(Line($"summary of {runs.Count} run(s) (median (range) over runs):"));
        string Stat(Func<RunFigures, double> of, string format) => RunStatistics.Of(runs.Select(of).ToList()).Format(format);
        Console.WriteLine("QueryCapacity p50 ms " + Stat(r => r.P50, "F2"));
        Console.WriteLine("QueryCapacity p90 ms " + Stat(r => r.P90, "F2"));
        Console.WriteLine("QueryCapacity p99 ms " + Stat(r => r.P99, "F2"));
        Console.WriteLine("QueryCapacity max ms " + Stat(r => r.Max, "F2"));
        Console.WriteLine("calls/s (sequential) " + Stat(r => r.CallsPerSecond, "F0"));
        foreach (var name in runs[0].Breakdown.Keys)
        {
            Console.WriteLine("breakdown, " + name + ": p50 ms " + Stat(r => r.Breakdown[name].P50, "F2") + "; KB allocated per call " + Stat(r => r.Breakdown[name].AllocatedKb, "F0"));
        }

        var first = runs[0];
        var cores = Environment.ProcessorCount;
        var gc = GCSettings.IsServerGC ? "Server" : "Workstation";
        Console.WriteLine("configuration:");
        Console.WriteLine(Line($"  reference data: the shipped file + {options.Providers} generated providers (prov-bench-…) round-robin over the 6 Zemgale municipalities, 1–3 of GroupHome/DayCareCentreAdults/SpecialisedWorkshop each, 5–40 places, from 2021-07-01, seed {Seed}; {first.Data.Institutions} institutions in the file"));
        Console.WriteLine(Line($"  region {Caller}: {first.Data.RegionPairs} declared (provider, service) pairs (shipped ones included), {first.Data.RegionPlaces} places"));
        Console.WriteLine(Line($"  transfers per run: {options.Transfers} submitted (vsac-zemgale, one stream, each to a random generated provider for one service it offers); accept ~60 %, complete half of those, as the destination municipality, {CapacityLoad.Parallelism} calls at a time"));
        Console.WriteLine("  accepted / refused full / completed per run: " + string.Join(", ", runs.Select(r => Line($"{r.Load.Accepted} / {r.Load.RefusedFull} / {r.Load.Completed}"))));
        Console.WriteLine(Line($"  timed: {options.Calls} sequential unary QueryCapacity calls as {Caller}, no filter, date unset (today), after {WarmUpCalls} untimed warm-up calls; each latency from the call to its parsed answer (Stopwatch); calls/s = calls ÷ the whole timed loop"));
        Console.WriteLine(Line($"  client: IN PROCESS (shares the gateway's {cores} cores and GC; one call at a time, so it adds its own per-call CPU to each latency but no queueing); mutual TLS, HTTP/2 over loopback, client certificate {Caller}"));
        Console.WriteLine(Line($"  breakdown: after the timed calls, {BreakdownCalls} direct in-process calls per layer (a fresh DI scope each, as a request has), {BreakdownWarmUp} warm-up; p50 and mean allocation per call (whole process, so background work counts too); not part of the figures above"));
        Console.WriteLine("  each run: a fresh temp folder, a fresh SQLite file (journal_mode=WAL, synchronous=NORMAL), a fresh gateway; the query only reads");
        Console.WriteLine(Line($"  gateway: in this benchmark process, NOT pinned ({cores} cores), {gc} GC ({GCSettings.LatencyMode}); .NET {Environment.Version}"));
        Console.WriteLine("  build: " + BenchmarkRuns.Build);
    }

    private static string Line(FormattableString text) => text.ToString(Invariant);

    /// <summary>One layer of the breakdown: its p50 and the bytes it allocates per call.</summary>
    private readonly record struct Layer(double P50, double AllocatedKb);

    private sealed record RunFigures(
        double P50,
        double P90,
        double P99,
        double Max,
        double CallsPerSecond,
        int Rows,
        int Municipalities,
        int Regions,
        int Bytes,
        BenchReferenceData Data,
        LoadFigures Load,
        IReadOnlyDictionary<string, Layer> Breakdown,
        IReadOnlyList<string> Details);
}
