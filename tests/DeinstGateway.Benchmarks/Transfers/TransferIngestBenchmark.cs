using System.Globalization;
using System.Runtime;
using DeinstGateway.Benchmarks.Infrastructure;
using DeinstGateway.Server.Transfers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Proto = Deinst.V1;

namespace DeinstGateway.Benchmarks.Transfers;

/// <summary>
/// <c>transfers</c>: how fast one care institution's SubmitTransfers stream turns valid messages
/// into stored transfers, against raw SQLite inserts of rows of the same shape in the same run.
/// Each run starts a fresh gateway over a fresh SQLite file in its own folder.
/// </summary>
public sealed class TransferIngestBenchmark(BenchmarkOptions options)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<int> RunAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "deinst-benchmarks", "transfers-" + Guid.NewGuid().ToString("N"));
        try
        {
            var pki = DevelopmentPki.Create(Path.Combine(root, "pki"));
            Console.WriteLine(Line($"transfers: {options.Count} valid messages on one SubmitTransfers stream vs raw SQLite inserts, {options.Runs} run(s)"));

            var runs = new List<RunFigures>();
            var batchSize = 0;
            for (var run = 1; run <= options.Runs; run++)
            {
                var folder = Path.Combine(root, "run-" + run.ToString(Invariant));
                Directory.CreateDirectory(folder);
                var figures = await RunOnceAsync(pki, folder, run);
                batchSize = figures.BatchSize;
                runs.Add(figures);
                Console.WriteLine(Line($"run {run}/{options.Runs}: transfers/s {figures.TransfersPerSecond:F0} ({figures.Gateway.TotalSeconds:F2} s); raw rows/s {figures.RawRowsPerSecond:F0} ({figures.Raw.TotalSeconds:F2} s); ratio {figures.Ratio:F3}"));
                foreach (var detail in figures.Details)
                {
                    Console.WriteLine("  " + detail);
                }

                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }

            PrintSummary(runs, batchSize);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private async Task<RunFigures> RunOnceAsync(DevelopmentPki pki, string folder, int run)
    {
        // Untimed: every message, and the baseline's rows made from the same messages.
        var requests = TransferRequestFactory.Build(options.Count, DateOnly.FromDateTime(DateTime.UtcNow), seed: run);
        var rawRows = requests.Select(TransferRawTable.Row).ToArray();
        var details = new List<string>();

        SubmitStreamResult stream;
        ProcessMeter before, after;
        int batchSize;
        string databasePath;
        await using (var host = await GatewayHost.StartAsync(pki, folder))
        {
            batchSize = host.Services.GetRequiredService<TransferOptions>().SubmitBatchSize;
            databasePath = host.DatabasePath;
            var channel = host.ChannelFor(TransferRequestFactory.Caller);
            await SubmitStream.ConnectAsync(channel);
            Settle();
            using var breakdown = options.Breakdown ? EfCoreBreakdown.Start() : null;
            before = ProcessMeter.Read();
            stream = await SubmitStream.RunAsync(channel, requests);
            after = ProcessMeter.Read();
            if (breakdown is not null)
            {
                details.Add("gateway database (--breakdown, slows this run): " + breakdown.Describe(stream.Elapsed));
            }
        }

        SqliteConnection.ClearAllPools();
        details.Add(Verify(requests, stream, databasePath));
        var (first, last) = stream.Pace();
        details.Add(Line($"gateway: last write after {stream.Writing.TotalSeconds:F2} s; pace first 10 % {first:F0}/s, last 10 % {last:F0}/s"));
        details.Add("gateway process: " + after.Describe(before, stream.Elapsed, requests.Length));

        Settle();
        before = ProcessMeter.Read();
        var raw = RawSqliteBaseline.Measure(Path.Combine(folder, "raw.db"), TransferRawTable.Table, rawRows);
        after = ProcessMeter.Read();
        details.Add("raw process: " + after.Describe(before, raw, rawRows.Length));

        return new RunFigures(requests.Length, stream.Elapsed, raw, batchSize, details);
    }

    /// <summary>Exactly one CREATED answer per message, in order, and one stored transfer each.</summary>
    private static string Verify(Proto.SubmitTransferRequest[] requests, SubmitStreamResult stream, string databasePath)
    {
        if (stream.Received != requests.Length)
        {
            throw new BenchmarkFailedException($"{stream.Received} answers came back for {requests.Length} messages");
        }

        for (var i = 0; i < requests.Length; i++)
        {
            var response = stream.Responses[i];
            if (response.Outcome != Proto.SubmitOutcome.Created)
            {
                throw new BenchmarkFailedException(
                    $"answer {i} is {response.Outcome}, not CREATED: {response.Error?.Message} {response.Error?.Details}");
            }

            if (response.RequestId != requests[i].RequestId)
            {
                throw new BenchmarkFailedException($"answer {i} answers another message: the answers are out of order");
            }
        }

        var transfers = RawSqliteBaseline.CountRows(databasePath, "transfers");
        if (transfers != requests.Length)
        {
            throw new BenchmarkFailedException($"the transfers table holds {transfers} rows, expected {requests.Length}");
        }

        var clients = RawSqliteBaseline.CountRows(databasePath, "clients");
        var events = RawSqliteBaseline.CountRows(databasePath, "transfer_events");
        return Line($"verified: {requests.Length} answers CREATED in order; rows stored: transfers {transfers}, clients {clients}, transfer_events {events}");
    }

    private void PrintSummary(List<RunFigures> runs, int batchSize)
    {
        Console.WriteLine(Line($"summary of {runs.Count} run(s):"));
        Console.WriteLine("transfers/s " + RunStatistics.Of(runs.Select(r => r.TransfersPerSecond).ToList()).Format("F0"));
        Console.WriteLine("raw rows/s " + RunStatistics.Of(runs.Select(r => r.RawRowsPerSecond).ToList()).Format("F0"));
        Console.WriteLine("ratio (transfers/s ÷ raw rows/s, per run) " + RunStatistics.Of(runs.Select(r => r.Ratio).ToList()).Format("F3"));
        Console.WriteLine("configuration:");
        Console.WriteLine(Line($"  N = {options.Count} messages per run, {options.Runs} run(s), each in a fresh temp folder with a fresh SQLite file"));
        Console.WriteLine(Line($"  gateway: one SubmitTransfers stream over mutual TLS (HTTP/2, loopback), client certificate {TransferRequestFactory.Caller}; Transfers:SubmitBatchSize = {batchSize}"));
        Console.WriteLine("  gateway writes per transfer: one transfers row (9 indexes with the primary key), one clients row (3), one transfer_events row (2), after one look-up query per batch");
        Console.WriteLine(Line($"  raw baseline: {TransferRawTable.Table.Columns.Count} columns of transfers, primary key only, one prepared INSERT reused, {RawSqliteBaseline.RowsPerTransaction} rows per transaction"));
        if (options.Breakdown)
        {
            Console.WriteLine("  --breakdown: EF Core diagnostic events were observed during the gateway phase, which slows it");
        }

        Console.WriteLine("  SQLite: journal_mode=WAL, synchronous=NORMAL for both (commits do not fsync; a power cut may lose the last ones)");
        Console.WriteLine("  runs share one process: run 1 also pays JIT and tiering of client and server (see its pace over the first 10 %)");
        var gc = GCSettings.IsServerGC ? "Server" : "Workstation";
        Console.WriteLine(Line($"  process: client and server in ONE process sharing {Environment.ProcessorCount} cores; {gc} GC ({GCSettings.LatencyMode}), as the gateway's runtimeconfig sets (System.GC.Server=true); .NET {Environment.Version}"));
#if DEBUG
        Console.WriteLine("  build: Debug (figures not worth quoting)");
#else
        Console.WriteLine("  build: Release");
#endif
    }

    /// <summary>Untimed: leave the previous phase's garbage out of the next one's measurement.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static string Line(FormattableString text) => text.ToString(Invariant);

    private sealed record RunFigures(int Count, TimeSpan Gateway, TimeSpan Raw, int BatchSize, IReadOnlyList<string> Details)
    {
        public double TransfersPerSecond => Count / Gateway.TotalSeconds;

        public double RawRowsPerSecond => Count / Raw.TotalSeconds;

        public double Ratio => TransfersPerSecond / RawRowsPerSecond;
    }
}
