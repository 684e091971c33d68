using DeinstGateway.Core.Access;
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
/// Each run starts a fresh gateway over a fresh SQLite file in its own folder. By default the load
/// client is a <c>transfers-client</c> process pinned to one core (<see cref="ClientProcess"/>)
/// and the gateway has this process and every core to itself; <c>--in-process</c> runs the client
/// in this process, <c>--both</c> measures each way in every run.
/// </summary>
public sealed class TransferIngestBenchmark(BenchmarkOptions options)
{
    /// <summary>Messages of the untimed warm-up stream (fewer when a run has fewer).</summary>
    private const int WarmUpMessages = 100_000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private string? _clientRuntime;

    public async Task<int> RunAsync()
    {
        Console.WriteLine(Line($"transfers: {options.Count} valid messages on one SubmitTransfers stream vs raw SQLite inserts, {options.Runs} run(s); {string.Join(" and ", options.Clients.Select(Label))}"));
        await BenchmarkRuns.RunAsync("transfers-warm-up", 1, WarmUpAsync, (_, _) => { });
        var runs = await BenchmarkRuns.RunAsync("transfers", options.Runs, RunOnceAsync,
            (run, figures) => BenchmarkRuns.Print(run, options.Runs, DescribeRun(figures), figures.Details));
        PrintSummary(runs, runs[^1].BatchSize);
        return 0;
    }

    /// <summary>
    /// Untimed: one stream like a run's, on a gateway that is then dropped, so that every run
    /// measures the gateway as it runs after its start-up compilation, not during it.
    /// </summary>
    private async Task<int> WarmUpAsync(DevelopmentPki pki, string folder, int run)
    {
        await using var host = await GatewayHost.StartAsync(pki, folder);
        var channel = host.ChannelFor(TransferRequestFactory.Caller, Purposes.TransferHandover);
        var requests = TransferRequestFactory.Build(Math.Min(WarmUpMessages, options.Count), DateOnly.FromDateTime(DateTime.UtcNow), seed: 0);
        return (await SubmitStream.RunAsync(channel, requests)).Received;
    }

    private async Task<RunFigures> RunOnceAsync(DevelopmentPki pki, string folder, int run)
    {
        // Untimed: every message, and the baseline's rows made from the same messages.
        var requests = TransferRequestFactory.Build(options.Count, DateOnly.FromDateTime(DateTime.UtcNow), seed: run);
        var rawRows = requests.Select(TransferRawTable.Row).ToArray();
        var details = new List<string>();

        // With --both, every run measures each placement with a fresh gateway over a fresh file,
        // in alternating order so that neither always comes first.
        var gateway = new Dictionary<ClientPlacement, TimeSpan>();
        var batchSize = 0;
        var order = run % 2 == 1 ? options.Clients : options.Clients.Reverse().ToList();
        foreach (var placement in order)
        {
            var subfolder = folder;
            var prefix = "";
            if (options.Clients.Count > 1)
            {
                subfolder = Path.Combine(folder, placement.ToString());
                Directory.CreateDirectory(subfolder);
                prefix = "[" + Label(placement) + "] ";
            }

            var measured = new List<string>();
            (gateway[placement], batchSize) = placement == ClientPlacement.InProcess
                ? await MeasureInProcessAsync(pki, subfolder, requests, measured)
                : await MeasureOutOfProcessAsync(pki, subfolder, requests, measured);
            details.AddRange(measured.Select(d => prefix + d));
        }

        ProcessMeter.Settle();
        var before = ProcessMeter.Read();
        var raw = RawSqliteBaseline.Measure(Path.Combine(folder, "raw.db"), TransferRawTable.Table, rawRows);
        var after = ProcessMeter.Read();
        details.Add("raw process: " + after.Describe(before, raw, rawRows.Length));

        var floor = await MeasureFloorAsync(pki, Path.Combine(folder, "floor"), requests, batchSize);
        details.Add(Line($"database floor (the gateway's rows, indexes and look-ups alone, see {nameof(TransferWriteFloor)}): transfers/s {requests.Length / floor.TotalSeconds:F0} ({floor.TotalSeconds:F2} s), ratio {requests.Length / floor.TotalSeconds / (rawRows.Length / raw.TotalSeconds):F3}"));

        return new RunFigures(requests.Length, gateway, raw, floor, batchSize, details);
    }

    /// <summary>A fresh gateway database (migrated, reference data loaded, no traffic), then the floor measured on it.</summary>
    private static async Task<TimeSpan> MeasureFloorAsync(DevelopmentPki pki, string folder, Proto.SubmitTransferRequest[] requests, int batchSize)
    {
        Directory.CreateDirectory(folder);
        string databasePath;
        await using (var host = await GatewayHost.StartAsync(pki, folder))
        {
            databasePath = host.DatabasePath;
        }

        SqliteConnection.ClearAllPools();
        ProcessMeter.Settle();
        return TransferWriteFloor.Measure(databasePath, requests, batchSize);
    }

    /// <summary><c>--in-process</c>: the client shares the gateway's process and cores.</summary>
    private async Task<(TimeSpan Elapsed, int BatchSize)> MeasureInProcessAsync(
        DevelopmentPki pki, string folder, Proto.SubmitTransferRequest[] requests, List<string> details)
    {
        SubmitStreamResult stream;
        ProcessMeter before, after;
        int batchSize;
        string databasePath;
        await using (var host = await GatewayHost.StartAsync(pki, folder))
        {
            batchSize = host.Services.GetRequiredService<TransferOptions>().SubmitBatchSize;
            databasePath = host.DatabasePath;
            var channel = host.ChannelFor(TransferRequestFactory.Caller, Purposes.TransferHandover);
            await SubmitStream.ConnectAsync(channel);
            ProcessMeter.Settle();
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
        var figures = stream.Figures();
        details.Add(Verify(requests, stream.Kept, figures.Received, databasePath));
        details.Add(Pace(figures));
        details.Add("gateway + client process (one process): " + after.Describe(before, figures.Elapsed, requests.Length));
        return (figures.Elapsed, batchSize);
    }

    /// <summary>
    /// The default: a <c>transfers-client</c> process pinned to one core streams the messages;
    /// this process runs only the gateway, on every core.
    /// </summary>
    private async Task<(TimeSpan Elapsed, int BatchSize)> MeasureOutOfProcessAsync(
        DevelopmentPki pki, string folder, Proto.SubmitTransferRequest[] requests, List<string> details)
    {
        // Untimed: the messages go to a file that the client loads before it says it is ready.
        var messagesPath = Path.Combine(folder, "messages.bin");
        var responsesPath = Path.Combine(folder, "responses.bin");
        DelimitedFile.Write(messagesPath, requests);

        ClientReport<StreamFigures> report;
        ProcessMeter before, after;
        int batchSize;
        string databasePath;
        await using (var host = await GatewayHost.StartAsync(pki, folder))
        {
            batchSize = host.Services.GetRequiredService<TransferOptions>().SubmitBatchSize;
            databasePath = host.DatabasePath;
            await using var client = await ClientProcess.StartAsync(
                TransferClientCommand.Name, ["--address", host.Address.ToString(), "--pki", pki.Folder, "--messages", messagesPath, "--responses", responsesPath]);
            ProcessMeter.Settle();
            using var breakdown = options.Breakdown ? EfCoreBreakdown.Start() : null;
            before = ProcessMeter.Read();
            report = await client.GoAsync<StreamFigures>();
            after = ProcessMeter.Read();
            if (breakdown is not null)
            {
                details.Add("gateway database (--breakdown, slows this run): " + breakdown.Describe(report.Stream.Elapsed));
            }

            await client.FinishAsync();
        }

        SqliteConnection.ClearAllPools();
        var responses = DelimitedFile.Read(responsesPath, Proto.SubmitTransferResponse.Parser);
        var figures = report.Stream;
        var on = Line($"on {(report.ProcessorCount == 1 ? "core" : "cores")} {report.Cores}");
        _clientRuntime = report.Gc + ", " + on;
        details.Add(Verify(requests, responses, figures.Received, databasePath));
        details.Add(Pace(figures));
        // This process's window runs from `go` to the result line, a little longer than the
        // client's timed one; both are divided by the client's timed figure.
        details.Add("gateway process (gateway only): " + after.Describe(before, figures.Elapsed, requests.Length));
        details.Add("client process (" + on + "): " + report.After.Describe(report.Before, figures.Elapsed, requests.Length, report.ProcessorCount));
        return (figures.Elapsed, batchSize);
    }

    private static string Pace(StreamFigures figures) =>
        Line($"gateway: last write after {figures.Writing.TotalSeconds:F2} s; pace first 10 % {figures.PaceFirst:F0}/s, last 10 % {figures.PaceLast:F0}/s");

    /// <summary>Exactly one CREATED answer per message, in order, and one stored transfer each.</summary>
    private static string Verify(
        Proto.SubmitTransferRequest[] requests, IReadOnlyList<Proto.SubmitTransferResponse> responses, int received, string databasePath)
    {
        if (received != requests.Length || responses.Count != requests.Length)
        {
            throw new BenchmarkFailedException($"{received} answers came back for {requests.Length} messages ({responses.Count} kept)");
        }

        for (var i = 0; i < requests.Length; i++)
        {
            var response = responses[i];
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

    private string DescribeRun(RunFigures figures)
    {
        if (options.Clients.Count == 1)
        {
            var gateway = figures.Gateway[options.Clients[0]];
            return Line($"transfers/s {figures.Count / gateway.TotalSeconds:F0} ({gateway.TotalSeconds:F2} s); raw rows/s {figures.RawRowsPerSecond:F0} ({figures.Raw.TotalSeconds:F2} s); ratio {figures.Ratio(options.Clients[0]):F3}");
        }

        var text = string.Join(", ", options.Clients.Select(c =>
            Line($"{Label(c)} {figures.TransfersPerSecond(c):F0} ({figures.Gateway[c].TotalSeconds:F2} s)")));
        var ratios = string.Join(", ", options.Clients.Select(c => Line($"{Label(c)} {figures.Ratio(c):F3}")));
        return Line($"transfers/s {text}; raw rows/s {figures.RawRowsPerSecond:F0} ({figures.Raw.TotalSeconds:F2} s); ratio {ratios}; out of process ÷ in process {figures.OutOverIn:F3}");
    }

    private void PrintSummary(List<RunFigures> runs, int batchSize)
    {
        Console.WriteLine(Line($"summary of {runs.Count} run(s):"));
        var single = options.Clients.Count == 1;
        foreach (var client in options.Clients)
        {
            var label = single ? "" : ", " + Label(client);
            Console.WriteLine("transfers/s" + label + " " + RunStatistics.Of(runs.Select(r => r.TransfersPerSecond(client)).ToList()).Format("F0"));
        }

        Console.WriteLine("raw rows/s " + RunStatistics.Of(runs.Select(r => r.RawRowsPerSecond).ToList()).Format("F0"));
        Console.WriteLine("database floor transfers/s " + RunStatistics.Of(runs.Select(r => r.FloorPerSecond).ToList()).Format("F0")
            + ", ratio " + RunStatistics.Of(runs.Select(r => r.FloorPerSecond / r.RawRowsPerSecond).ToList()).Format("F3"));
        foreach (var client in options.Clients)
        {
            var label = single ? "" : ", " + Label(client);
            Console.WriteLine("ratio (transfers/s ÷ raw rows/s, per run)" + label + " " + RunStatistics.Of(runs.Select(r => r.Ratio(client)).ToList()).Format("F3"));
            Console.WriteLine("gateway ÷ database floor (transfers/s, per run)" + label + " " + RunStatistics.Of(runs.Select(r => r.TransfersPerSecond(client) / r.FloorPerSecond).ToList()).Format("F3"));
        }

        if (!single)
        {
            Console.WriteLine("client out of process ÷ client in process (transfers/s, per run) " + RunStatistics.Of(runs.Select(r => r.OutOverIn).ToList()).Format("F3"));
        }

        var cores = Environment.ProcessorCount;
        var gc = GCSettings.IsServerGC ? "Server" : "Workstation";
        Console.WriteLine("configuration:");
        Console.WriteLine(Line($"  N = {options.Count} messages per run, {options.Runs} run(s), each in a fresh temp folder with a fresh SQLite file (with --both: one per client placement, in alternating order)"));
        Console.WriteLine(Line($"  gateway: one SubmitTransfers stream over mutual TLS (HTTP/2, loopback), client certificate {TransferRequestFactory.Caller}; Transfers:SubmitBatchSize = {batchSize}"));
        Console.WriteLine("  gateway writes per transfer: one transfers row (9 indexes with the primary key; 2 of them only where the column is set), one clients row (3; 1 only where set), one transfer_events row (2), one access_log row (2), after two look-up queries per batch");
        Console.WriteLine(Line($"  raw baseline: {TransferRawTable.Table.Columns.Count} columns of transfers, primary key only, one prepared INSERT reused, {RawSqliteBaseline.RowsPerTransaction} rows per transaction, in this process"));
        Console.WriteLine(Line($"  database floor: a fresh gateway database; per batch of {batchSize} the two look-ups, then per transfer a clients, transfers, transfer_events and access_log row with all their indexes; prepared statements bound by position, in this process"));
        if (options.Breakdown)
        {
            Console.WriteLine("  --breakdown: EF Core diagnostic events were observed during the gateway phase, which slows it");
        }

        Console.WriteLine("  SQLite: journal_mode=WAL, synchronous=NORMAL for both (commits do not fsync; a power cut may lose the last ones)");
        Console.WriteLine("  timed: from the client's first write to its last answer; the messages are built before timing");
        Console.WriteLine(Line($"  gateway: in this benchmark process, NOT pinned ({cores} cores), {gc} GC ({GCSettings.LatencyMode}) as the gateway's runtimeconfig sets (System.GC.Server=true); .NET {Environment.Version}"));
        Console.WriteLine(Line($"  warm-up (untimed): before run 1, one stream of {Math.Min(WarmUpMessages, options.Count)} transfers on a gateway of its own, dropped after; JIT on a process line counts every compilation in its window, tier-1 recompiles and each fresh host's dynamic methods included"));
        if (options.Clients.Contains(ClientPlacement.OutOfProcess))
        {
            Console.WriteLine("  client (default): " + ClientProcess.Placement(TransferClientCommand.Name) + "; " + (_clientRuntime ?? "no report"));
            Console.WriteLine("    it loads the messages from a file, connects and makes a first call before `ready`; the parent then sends `go` and reads one result line");
            Console.WriteLine("    a fresh client process per run: every run pays the client's JIT (see JIT on its line); 'gateway process' CPU is this process from `go` to the result line");
        }

        if (options.Clients.Contains(ClientPlacement.InProcess))
        {
            Console.WriteLine(Line($"  client (--in-process): in the gateway's process, sharing its {cores} cores and its GC; its code is compiled in run 1 and reused after; 'gateway + client process' CPU covers both"));
        }
        Console.WriteLine("  build: " + BenchmarkRuns.Build);
    }

    private static string Label(ClientPlacement placement) => placement switch
    {
        ClientPlacement.OutOfProcess => "client out of process",
        _ => "client in process",
    };

    private static string Line(FormattableString text) => text.ToString(Invariant);

    private sealed record RunFigures(
        int Count, IReadOnlyDictionary<ClientPlacement, TimeSpan> Gateway, TimeSpan Raw, TimeSpan Floor, int BatchSize, IReadOnlyList<string> Details)
    {
        public double RawRowsPerSecond => Count / Raw.TotalSeconds;

        public double FloorPerSecond => Count / Floor.TotalSeconds;

        public double OutOverIn => TransfersPerSecond(ClientPlacement.OutOfProcess) / TransfersPerSecond(ClientPlacement.InProcess);

        public double TransfersPerSecond(ClientPlacement client) => Count / Gateway[client].TotalSeconds;

        public double Ratio(ClientPlacement client) => TransfersPerSecond(client) / RawRowsPerSecond;
    }
}
