using DeinstGateway.Core.Access;
using System.Globalization;
using System.Runtime;
using DeinstGateway.Benchmarks.Infrastructure;
using DeinstGateway.Benchmarks.Transfers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Proto = Deinst.V1;

namespace DeinstGateway.Benchmarks.ServiceRecords;

/// <summary>
/// <c>service-records</c>: how fast one provider's RecordServices client stream turns valid records
/// into stored service records, against raw SQLite inserts of rows of the same shape in the same
/// run. Each run starts a fresh gateway over a fresh SQLite file in its own folder, creates the
/// clients through one SubmitTransfers stream (untimed), then times ONE RecordServices stream as
/// the provider: from its first write to the single response. The client runs in this process.
/// </summary>
public sealed class ServiceRecordBenchmark(ServiceRecordOptions options)
{
    public const string Name = "service-records";

    /// <summary>Clients the records go round-robin over.</summary>
    public const int Clients = 100;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Records of the untimed warm-up stream (fewer when a run has fewer, more when <see cref="WarmUpBatches"/> needs more).</summary>
    private const int WarmUpRecords = 100_000;

    /// <summary>
    /// Transaction batches of the warm-up at least: code that runs once per batch is recompiled
    /// (tier 1) only after 30 calls, so a shorter warm-up left that compilation inside run 1.
    /// </summary>
    private const int WarmUpBatches = 40;

    private int _warmUpRecords;

    private string? _clientRuntime;

    public async Task<int> RunAsync()
    {
        Console.WriteLine(Line($"service-records: {options.Count} valid records on one {Stream} as {ServiceRecordRequestFactory.Provider} over {Clients} clients vs raw SQLite inserts, {options.Runs} run(s); client {(options.Nghttp ? "nghttp" : options.InProcess ? "in process" : "out of process")}"));
        await BenchmarkRuns.RunAsync(Name + "-warm-up", 1, WarmUpAsync, (_, _) => { });
        var runs = await BenchmarkRuns.RunAsync(Name, options.Runs, RunOnceAsync,
            (run, figures) => BenchmarkRuns.Print(run, options.Runs, Line($"records/s {figures.RecordsPerSecond:F0} ({figures.Gateway.TotalSeconds:F2} s); raw rows/s {figures.RawRowsPerSecond:F0} ({figures.Raw.TotalSeconds:F2} s); ratio {figures.Ratio:F3}"), figures.Details));
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
        var clients = await CreateClientsAsync(host, run: 0);
        var batchSize = host.Services.GetRequiredService<Server.ServiceRecords.ServiceRecordOptions>().RecordBatchSize;
        _warmUpRecords = Math.Max(Math.Min(WarmUpRecords, options.Count), WarmUpBatches * batchSize);
        var requests = ServiceRecordRequestFactory.Build(_warmUpRecords, clients, seed: 0);
        // The same client as the runs': the gateway's code for its connection is compiled too.
        var (response, _) = await RecordAsync(host, pki, folder, requests, details: []);
        return response.Accepted;
    }

    private async Task<RunFigures> RunOnceAsync(DevelopmentPki pki, string folder, int run)
    {
        var details = new List<string>();
        Proto.RecordServicesResponse response;
        RecordStreamFigures figures;
        Proto.RecordServiceRequest[] requests;
        int batchSize;
        string databasePath;
        await using (var host = await GatewayHost.StartAsync(pki, folder))
        {
            batchSize = host.Services.GetRequiredService<Server.ServiceRecords.ServiceRecordOptions>().RecordBatchSize;
            databasePath = host.DatabasePath;

            // Untimed: the clients, through one SubmitTransfers stream of the care centre.
            var clients = await CreateClientsAsync(host, run);

            // Untimed: every record, built for those clients.
            requests = ServiceRecordRequestFactory.Build(options.Count, clients, seed: run);
            (response, figures) = await RecordAsync(host, pki, folder, requests, details);
        }

        SqliteConnection.ClearAllPools();
        details.Insert(0, Verify(requests.Length, response, databasePath));
        if (!options.Nghttp)
        {
            details.Insert(1, Line($"client: last write done after {figures.Writing.TotalSeconds:F2} s of {figures.Elapsed.TotalSeconds:F2} s (the gateway reads the stream only between its batches)"));
        }

        // Untimed: the baseline's rows made from the same messages.
        var rawRows = requests.Select(ServiceRecordRawTable.Row).ToArray();
        ProcessMeter.Settle();
        var rawBefore = ProcessMeter.Read();
        var raw = RawSqliteBaseline.Measure(Path.Combine(folder, "raw.db"), ServiceRecordRawTable.Table, rawRows);
        var rawAfter = ProcessMeter.Read();
        details.Add("raw process: " + rawAfter.Describe(rawBefore, raw, rawRows.Length));

        var floor = await MeasureFloorAsync(pki, Path.Combine(folder, "floor"), run, batchSize);
        details.Add(Line($"database floor (the gateway's rows, indexes and look-ups alone, see {nameof(ServiceRecordWriteFloor)}): records/s {requests.Length / floor.TotalSeconds:F0} ({floor.TotalSeconds:F2} s), ratio {requests.Length / floor.TotalSeconds / (rawRows.Length / raw.TotalSeconds):F3}"));

        return new RunFigures(requests.Length, figures.Elapsed, raw, floor, batchSize, details);
    }

    /// <summary>A fresh gateway database with the run's clients made the same way and no record, then the floor measured on it.</summary>
    private async Task<TimeSpan> MeasureFloorAsync(DevelopmentPki pki, string folder, int run, int batchSize)
    {
        Directory.CreateDirectory(folder);
        string databasePath;
        List<string> clients;
        await using (var host = await GatewayHost.StartAsync(pki, folder))
        {
            databasePath = host.DatabasePath;
            clients = await CreateClientsAsync(host, run);
        }

        var requests = ServiceRecordRequestFactory.Build(options.Count, clients, seed: run);
        SqliteConnection.ClearAllPools();
        ProcessMeter.Settle();
        return ServiceRecordWriteFloor.Measure(databasePath, requests, batchSize);
    }

    private Task<(Proto.RecordServicesResponse, RecordStreamFigures)> RecordAsync(
        GatewayHost host, DevelopmentPki pki, string folder, Proto.RecordServiceRequest[] requests, List<string> details) =>
        options.Nghttp ? RecordWithNghttpAsync(host, pki, folder, requests, details)
        : options.InProcess ? RecordInProcessAsync(host, requests, details)
        : RecordOutOfProcessAsync(host, pki, folder, requests, details);

    /// <summary><c>--nghttp</c>: see <see cref="NghttpRecordStream"/>.</summary>
    private static async Task<(Proto.RecordServicesResponse, RecordStreamFigures)> RecordWithNghttpAsync(
        GatewayHost host, DevelopmentPki pki, string folder, Proto.RecordServiceRequest[] requests, List<string> details)
    {
        var bodyPath = Path.Combine(folder, "records.grpc");
        Nghttp.WriteBody(bodyPath, requests);
        ProcessMeter.Settle();
        var before = ProcessMeter.Read();
        var (response, elapsed, clientCpu) = await NghttpRecordStream.RunAsync(host.Address, pki, bodyPath, Purposes.ServiceDelivery);
        var after = ProcessMeter.Read();
        details.Add("gateway process (gateway only): " + after.Describe(before, elapsed, requests.Length));
        details.Add(Line($"client process (nghttp on core {ClientProcess.Core}): cpu {clientCpu.TotalSeconds / elapsed.TotalSeconds:F2} of 1 core, {clientCpu.TotalMicroseconds / requests.Length:F1} µs per item"));
        return (response, new RecordStreamFigures(elapsed, elapsed));
    }

    /// <summary><c>--in-process</c>: the client shares the gateway's process and cores.</summary>
    private async Task<(Proto.RecordServicesResponse, RecordStreamFigures)> RecordInProcessAsync(
        GatewayHost host, Proto.RecordServiceRequest[] requests, List<string> details)
    {
        var channel = host.ChannelFor(ServiceRecordRequestFactory.Provider, Purposes.ServiceDelivery);
        await RecordStream.ConnectAsync(channel);
        ProcessMeter.Settle();
        using var breakdown = options.Breakdown ? EfCoreBreakdown.Start() : null;
        var before = ProcessMeter.Read();
        var (response, figures) = await RecordStream.RunAsync(channel, requests, options.RecordsPerMessage);
        var after = ProcessMeter.Read();
        if (breakdown is not null)
        {
            details.Add("gateway database (--breakdown, slows this run): " + breakdown.Describe(figures.Elapsed));
        }

        details.Add("gateway + client process (one process): " + after.Describe(before, figures.Elapsed, requests.Length));
        return (response, figures);
    }

    /// <summary>
    /// The default: a <c>records-client</c> process pinned to one core streams the records; this
    /// process runs only the gateway, on every core.
    /// </summary>
    private async Task<(Proto.RecordServicesResponse, RecordStreamFigures)> RecordOutOfProcessAsync(
        GatewayHost host, DevelopmentPki pki, string folder, Proto.RecordServiceRequest[] requests, List<string> details)
    {
        // Untimed: the records go to a file that the client loads before it says it is ready.
        var messagesPath = Path.Combine(folder, "records.bin");
        var responsePath = Path.Combine(folder, "response.bin");
        DelimitedFile.Write(messagesPath, requests);

        await using var client = await ClientProcess.StartAsync(
            ServiceRecordClientCommand.Name, [
                "--address", host.Address.ToString(), "--pki", pki.Folder, "--messages", messagesPath,
                "--per-message", options.RecordsPerMessage.ToString(Invariant), "--response", responsePath,
            ]);
        ProcessMeter.Settle();
        using var breakdown = options.Breakdown ? EfCoreBreakdown.Start() : null;
        var before = ProcessMeter.Read();
        var report = await client.GoAsync<RecordStreamFigures>();
        var after = ProcessMeter.Read();
        if (breakdown is not null)
        {
            details.Add("gateway database (--breakdown, slows this run): " + breakdown.Describe(report.Stream.Elapsed));
        }

        await client.FinishAsync();
        _clientRuntime = report.Gc + ", " + Line($"on {(report.ProcessorCount == 1 ? "core" : "cores")} {report.Cores}");
        // This process's window runs from `go` to the result line, a little longer than the
        // client's timed one; both are divided by the client's timed figure.
        details.Add("gateway process (gateway only): " + after.Describe(before, report.Stream.Elapsed, requests.Length));
        details.Add(Line($"client process (on {(report.ProcessorCount == 1 ? "core" : "cores")} {report.Cores}): ")
            + report.After.Describe(report.Before, report.Stream.Elapsed, requests.Length, report.ProcessorCount));
        return (DelimitedFile.Read(responsePath, Proto.RecordServicesResponse.Parser).Single(), report.Stream);
    }

    /// <summary>
    /// The clients, made through transfers handed over to the municipality (which makes the
    /// provider the one serving the client, as recording needs); each must be a client of its own.
    /// </summary>
    private static async Task<List<string>> CreateClientsAsync(GatewayHost host, int run)
    {
        var transfers = ServiceRecordRequestFactory.Transfers(Clients, DateOnly.FromDateTime(DateTime.UtcNow), seed: 1000 + run);
        var clients = (await TransferHandover.CreateClientsAsync(
            host, ServiceRecordRequestFactory.Source, ServiceRecordRequestFactory.Municipality, transfers)).Select(c => c.Client).ToList();
        if (clients.Distinct(StringComparer.Ordinal).Count() != Clients)
        {
            throw new BenchmarkFailedException($"the {Clients} transfers made {clients.Distinct(StringComparer.Ordinal).Count()} distinct clients");
        }

        return clients;
    }

    /// <summary>Every record accepted, and one stored row each.</summary>
    private static string Verify(int count, Proto.RecordServicesResponse response, string databasePath)
    {
        if (response.Accepted != count)
        {
            var first = response.Rejections.FirstOrDefault();
            var reasons = first is null ? "" : "; first rejection: " + string.Join(", ", first.Reasons.Select(r => r.Code + " " + r.Description));
            throw new BenchmarkFailedException(
                $"accepted {response.Accepted} of {count} records (duplicate {response.Duplicate}, rejected {response.Rejected}){reasons}");
        }

        var stored = RawSqliteBaseline.CountRows(databasePath, "service_records");
        if (stored != count)
        {
            throw new BenchmarkFailedException($"the service_records table holds {stored} rows, expected {count}");
        }

        return Line($"verified: accepted {response.Accepted}, duplicate {response.Duplicate}, rejected {response.Rejected}; service_records rows {stored}");
    }

    private void PrintSummary(List<RunFigures> runs, int batchSize)
    {
        Console.WriteLine(Line($"summary of {runs.Count} run(s):"));
        Console.WriteLine("records/s " + RunStatistics.Of(runs.Select(r => r.RecordsPerSecond).ToList()).Format("F0"));
        Console.WriteLine("raw rows/s " + RunStatistics.Of(runs.Select(r => r.RawRowsPerSecond).ToList()).Format("F0"));
        Console.WriteLine("database floor records/s " + RunStatistics.Of(runs.Select(r => r.FloorPerSecond).ToList()).Format("F0")
            + ", ratio " + RunStatistics.Of(runs.Select(r => r.FloorPerSecond / r.RawRowsPerSecond).ToList()).Format("F3"));
        Console.WriteLine("ratio (records/s ÷ raw rows/s, per run) " + RunStatistics.Of(runs.Select(r => r.Ratio).ToList()).Format("F3"));
        Console.WriteLine("gateway ÷ database floor (records/s, per run) " + RunStatistics.Of(runs.Select(r => r.RecordsPerSecond / r.FloorPerSecond).ToList()).Format("F3"));

        var cores = Environment.ProcessorCount;
        var gc = GCSettings.IsServerGC ? "Server" : "Workstation";
        Console.WriteLine("configuration:");
        Console.WriteLine(Line($"  N = {options.Count} records per run, {options.Runs} run(s), each in a fresh temp folder with a fresh SQLite file"));
        Console.WriteLine(Line($"  set-up (untimed): {Clients} clients from one SubmitTransfers stream as {ServiceRecordRequestFactory.Source} to {ServiceRecordRequestFactory.Municipality} with provider {ServiceRecordRequestFactory.Provider} (GroupHome)"));
        Console.WriteLine(Line($"  records: GroupHome, unit Places, quantity 1, one day each over {ServiceRecordRequestFactory.FirstDay:yyyy-MM-dd}..{ServiceRecordRequestFactory.LastDay:yyyy-MM-dd}, round-robin over the clients, random costs, municipal budget or the Vidzeme ESF project {ServiceRecordRequestFactory.EsfProject} (days up to 2023-12-31 only)"));
        Console.WriteLine(Line($"  gateway: ONE {Stream} client stream over mutual TLS (HTTP/2, loopback), client certificate {ServiceRecordRequestFactory.Provider}; records decided and written in batches of ServiceRecords:RecordBatchSize = {batchSize}, one transaction each, the next batch prepared meanwhile"));
        Console.WriteLine("  gateway reads per batch: the clients' birth dates, transfers and support plans (earlier records only for capped services: none here); each record's insert claims its request id (ON CONFLICT DO NOTHING), so only rejected records' ids are looked up (none here)");
        Console.WriteLine(Line($"  gateway writes per record one service_records row (4 indexes with the primary key, check constraint, 2 foreign keys), and per client in a batch one access_log entry (one index besides its integer primary key): here {batchSize / Clients} records of each client per batch"));
        Console.WriteLine(Line($"  raw baseline: {ServiceRecordRawTable.Table.Columns.Count} columns of service_records, primary key only, one prepared INSERT reused, {RawSqliteBaseline.RowsPerTransaction} rows per transaction, in this process"));
        Console.WriteLine(Line($"  database floor: a fresh gateway database with {Clients} clients made the same way; per batch of {batchSize} the look-ups of clients, transfers and support plans, then per record a service_records row and per client an access_log row, with all their indexes; prepared statements bound by position, in this process"));
        if (options.Breakdown)
        {
            Console.WriteLine("  --breakdown: EF Core diagnostic events were observed during the gateway phase, which slows it");
        }

        Console.WriteLine("  SQLite: journal_mode=WAL, synchronous=NORMAL for both (commits do not fsync; a power cut may lose the last ones)");
        Console.WriteLine("  timed: from the client's first write to the single response; the records are built before timing");
        Console.WriteLine(Line($"  gateway: in this benchmark process, NOT pinned ({cores} cores), {gc} GC ({GCSettings.LatencyMode}); .NET {Environment.Version}"));
        Console.WriteLine(options.Nghttp
            ? Line($"  client (--nghttp): nghttp ({Nghttp.Program}) pinned to core {ClientProcess.Core}, the stream's messages in gRPC framing as its request body; timed from starting nghttp (its start and TLS handshake included) to its exit")
            : options.InProcess
            ? Line($"  client (--in-process): IN PROCESS (the gateway's process, sharing its {cores} cores and its GC); 'gateway + client process' CPU covers both")
            : "  client (default): " + ClientProcess.Placement(ServiceRecordClientCommand.Name) + "; " + (_clientRuntime ?? "no report")
                + "; a fresh client process per run; 'gateway process' CPU is this process from `go` to the result line");
        Console.WriteLine(Line($"  warm-up (untimed): before run 1, one stream of {_warmUpRecords} records ({WarmUpBatches} batches at least) from the same kind of client on a gateway of its own, dropped after; every run's gateway then starts in a process whose code is compiled"));
        Console.WriteLine("  build: " + BenchmarkRuns.Build);
    }

    private string Stream => options.RecordsPerMessage == 1
        ? "RecordServices stream (one record per message)"
        : Line($"RecordServiceBatches stream ({options.RecordsPerMessage} records per message)");

    private static string Line(FormattableString text) => text.ToString(Invariant);

    private sealed record RunFigures(int Count, TimeSpan Gateway, TimeSpan Raw, TimeSpan Floor, int BatchSize, IReadOnlyList<string> Details)
    {
        public double RecordsPerSecond => Count / Gateway.TotalSeconds;

        public double RawRowsPerSecond => Count / Raw.TotalSeconds;

        public double FloorPerSecond => Count / Floor.TotalSeconds;

        public double Ratio => RecordsPerSecond / RawRowsPerSecond;
    }
}
