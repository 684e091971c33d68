using System.Globalization;
using System.Text.RegularExpressions;
using DeinstGateway.Benchmarks.Infrastructure;
using DeinstGateway.Benchmarks.ServiceRecords;
using DeinstGateway.Benchmarks.Transfers;
using DeinstGateway.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Benchmarks.Lookups;

/// <summary>
/// <c>lookups</c>: unary look-ups on the gateway against a bare grpc-dotnet host (<see cref="EchoHost"/>)
/// answering the same bytes with the same Kestrel TLS settings, both driven in turn by the same
/// client: <see cref="Nghttp"/> pinned to core 1, N calls on ONE connection, as the municipality
/// <see cref="LookupMethods.Caller"/> with its client certificate. One gateway over a fresh SQLite
/// file and one echo host serve the whole run; per method the two alternate R times, and each
/// ratio gateway ÷ echo is taken within one alternation.
/// </summary>
public sealed partial class LookupBenchmark(LookupOptions options)
{
    public const string Name = "lookups";

    /// <summary>Calls per method and host before timing, so that both run compiled code.</summary>
    public const int WarmUpCalls = 2_000;

    /// <summary>The rate limiter's calls per second and burst: far above every call one run makes.</summary>
    public const int RateLimit = 100_000_000;

    /// <summary>Windows of 1 MiB per stream and 16 MiB per connection: flow control does not pace a page of institutions.</summary>
    private static readonly string[] ClientWindows = ["--window-bits=20", "--connection-window-bits=24"];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private long _loggedCalls;
    private string _verified = "";
    private int _streamLimit;

    public async Task<int> RunAsync()
    {
        Console.WriteLine(Line($"lookups: {options.Calls} calls per measure on one connection, gateway and echo alternating {options.Runs} times, as {LookupMethods.Caller}; client nghttp"));
        var methods = (await BenchmarkRuns.RunAsync(Name, 1, (pki, folder, _) => RunOnceAsync(pki, folder), (_, _) => { })).Single();
        LookupReport.PrintSummary(methods, options, _streamLimit, _verified);
        return 0;
    }

    private async Task<List<MethodFigures>> RunOnceAsync(DevelopmentPki pki, string folder)
    {
        await using var gateway = await GatewayHost.StartAsync(pki, folder, Line($"Limits:CallsPerSecond={RateLimit}"), Line($"Limits:Burst={RateLimit}"));
        await using var echo = await EchoHost.StartAsync(pki);
        _streamLimit = gateway.Services.GetRequiredService<GatewayOptions>().MaxConcurrentStreamsPerConnection;

        // Untimed: one transfer handed over to the caller, which made the client it looks up.
        var transfers = ServiceRecordRequestFactory.Transfers(1, DateOnly.FromDateTime(DateTime.UtcNow), seed: 1);
        var handedOver = (await TransferHandover.CreateClientsAsync(
            gateway, ServiceRecordRequestFactory.Source, LookupMethods.Caller, transfers)).Single();
        var logRowsBefore = RawSqliteBaseline.CountRows(gateway.DatabasePath, "access_log");

        var hosts = new Hosts(pki, gateway.Address, echo);
        var methods = new List<MethodFigures>();
        foreach (var method in LookupMethods.For(handedOver, transfers[0].Transfer.Person.PersonalCode).Where(m => options.Methods.Contains(m.Name)))
        {
            var bodyPath = Path.Combine(folder, method.Name.Replace('/', '.') + ".grpc");
            Nghttp.WriteBody(bodyPath, [method.Request]);
            var figures = new MethodFigures(method, bodyPath, await VerifyAsync(hosts, method, bodyPath));
            await MeasureAsync(hosts, figures, onGateway: true, WarmUpCalls);
            await MeasureAsync(hosts, figures, onGateway: false, WarmUpCalls);
            methods.Add(figures);
        }

        for (var alternation = 1; alternation <= options.Runs; alternation++)
        {
            foreach (var figures in methods)
            {
                // The first of a pair may meet a quieter machine: the order alternates.
                var gatewayFirst = alternation % 2 == 1;
                var first = await MeasureAsync(hosts, figures, gatewayFirst, options.Calls);
                var second = await MeasureAsync(hosts, figures, !gatewayFirst, options.Calls);
                var pair = gatewayFirst ? new Pair(first, second) : new Pair(second, first);
                figures.Pairs.Add(pair);
                Console.WriteLine(Line($"alternation {alternation}/{options.Runs} {figures.Method.Name}: gateway {Describe(pair.Gateway)} | echo {Describe(pair.Echo)} | gateway ÷ echo calls/s {pair.Gateway.CallsPerSecond / pair.Echo.CallsPerSecond:F2}, CPU/call {pair.Gateway.CpuPerCall / pair.Echo.CpuPerCall:F2}"));
            }
        }

        var logRows = RawSqliteBaseline.CountRows(gateway.DatabasePath, "access_log") - logRowsBefore;
        if (logRows != _loggedCalls)
        {
            throw new BenchmarkFailedException($"the access log grew by {logRows} rows, but {_loggedCalls} logged calls (GetTransfer, LookupClient, GetClient) were made");
        }

        _verified = Line($"every answer grpc-status 0 (one `nghttp -v` call per method and host) and HTTP 200 with the verified answer's size (every call); access_log grew by {logRows} rows = the {_loggedCalls} GetTransfer/LookupClient/GetClient calls made, verification and warm-up included");
        return methods;
    }

    /// <summary>
    /// Untimed: one call to the gateway, whose answer must be the expected one and becomes the echo
    /// host's; then one <c>nghttp -v</c> call to each host, whose trailers must say grpc-status 0.
    /// </summary>
    private async Task<byte[]> VerifyAsync(Hosts hosts, LookupMethod method, string bodyPath)
    {
        var answer = (await RunAsync(hosts, method, bodyPath, onGateway: true, calls: 1)).FirstMessage();
        var (expected, what) = method.Read(answer);
        if (!expected)
        {
            throw new BenchmarkFailedException($"{method.Name} answered {what}");
        }

        hosts.Echo.Answer(answer);
        foreach (var onGateway in (bool[])[true, false])
        {
            var frames = (await RunAsync(hosts, method, bodyPath, onGateway, calls: 1, "--verbose", "--null-out")).Text;
            var statuses = GrpcStatus().Matches(frames).Select(m => m.Groups[1].Value).ToList();
            if (statuses is not ["0"])
            {
                throw new BenchmarkFailedException($"{method.Name} on the {(onGateway ? "gateway" : "echo host")}: grpc-status [{string.Join(", ", statuses)}], expected [0]; nghttp -v ended: {frames[Math.Max(0, frames.Length - 1000)..]}");
            }
        }

        Console.WriteLine(Line($"verified {method.Name}: {what}; request {method.Request.CalculateSize()} B, answer {answer.Length} B, grpc-status 0 from both hosts"));
        return answer;
    }

    /// <summary>
    /// Timed: N calls on one connection, as many in flight as the server's stream limit allows.
    /// Every call must be answered HTTP 200 with a body the size of the verified answer: an error
    /// (a rate limit, say) would be a trailers-only answer with no body.
    /// </summary>
    private async Task<Measure> MeasureAsync(Hosts hosts, MethodFigures target, bool onGateway, int calls)
    {
        hosts.Echo.Answer(target.Answer);
        ProcessMeter.Settle();
        var before = ProcessMeter.Read();
        var run = await RunAsync(hosts, target.Method, target.BodyPath, onGateway, calls,
            ["--null-out", "--stat", "--no-dep", .. ClientWindows, "--multiply=" + calls.ToString(Invariant)]);
        var after = ProcessMeter.Read();

        var requests = NghttpStat.Parse(run.Text);
        var size = PrintedSize(5 + target.Answer.Length);
        var wrong = requests.FindIndex(r => r.Code != 200 || r.Size != size);
        if (requests.Count != calls || wrong >= 0)
        {
            throw new BenchmarkFailedException(
                $"{target.Method.Name} on the {(onGateway ? "gateway" : "echo host")}: {requests.Count} of {calls} calls answered; " +
                (wrong >= 0 ? Line($"one with HTTP {requests[wrong].Code} and a body of {requests[wrong].Size} instead of 200 and {size}") : "the others lost"));
        }

        var window = requests.Max(r => r.ResponseEnd) - requests.Min(r => r.RequestStart);
        var latencies = requests.Select(r => r.Process / 1000).Order().ToArray();
        return new Measure(
            calls / (window / 1e6),
            RunStatistics.Percentile(latencies, 0.50),
            RunStatistics.Percentile(latencies, 0.99),
            (after.Cpu - before.Cpu).TotalMicroseconds / calls,
            run.ClientCpu.TotalMicroseconds / calls);
    }

    /// <param name="calls">The calls these options make nghttp send: counted when they are logged.</param>
    private Task<NghttpOutput> RunAsync(Hosts hosts, LookupMethod method, string bodyPath, bool onGateway, int calls, params string[] nghttpOptions)
    {
        if (onGateway && method.Logged)
        {
            _loggedCalls += calls;
        }

        var url = onGateway ? new Uri(hosts.Gateway, method.Path) : hosts.Echo.Url;
        return Nghttp.RunAsync(url, hosts.Pki, LookupMethods.Caller, bodyPath, method.Purpose, nghttpOptions);
    }

    /// <summary>A body size as nghttp's <c>--stat</c> prints it: bytes, or whole KiB, MiB, GiB.</summary>
    private static string PrintedSize(long bytes) =>
        bytes >= 1 << 30 ? Line($"{bytes >> 30}G")
        : bytes >= 1 << 20 ? Line($"{bytes >> 20}M")
        : bytes >= 1 << 10 ? Line($"{bytes >> 10}K")
        : bytes.ToString(Invariant);

    private static string Describe(Measure m) =>
        Line($"{m.CallsPerSecond:F0} calls/s, p50 {m.P50:F2} ms, p99 {m.P99:F2} ms, {m.CpuPerCall:F1} µs CPU/call (nghttp {m.ClientCpuPerCall:F1})");

    private static string Line(FormattableString text) => text.ToString(Invariant);

    [GeneratedRegex(@"recv \(stream_id=\d+\) grpc-status: (\d+)")]
    private static partial Regex GrpcStatus();

    private sealed record Hosts(DevelopmentPki Pki, Uri Gateway, EchoHost Echo);
}

/// <summary>One measure: calls/s over nghttp's window, latency in ms, CPU per call in µs.</summary>
/// <param name="CpuPerCall">This process's CPU (the host measured, the other idle) from starting nghttp to its exit.</param>
public sealed record Measure(double CallsPerSecond, double P50, double P99, double CpuPerCall, double ClientCpuPerCall);

/// <summary>The gateway's and the echo host's measure of one method in one alternation.</summary>
public sealed record Pair(Measure Gateway, Measure Echo);

/// <summary>One method's measures over the alternations.</summary>
/// <param name="BodyPath">The request in gRPC framing, nghttp's request body.</param>
/// <param name="Answer">The gateway's verified answer, which the echo host answers too.</param>
public sealed record MethodFigures(LookupMethod Method, string BodyPath, byte[] Answer)
{
    public List<Pair> Pairs { get; } = [];
}
