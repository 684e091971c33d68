using System.Globalization;
using System.Runtime;
using DeinstGateway.Benchmarks.Infrastructure;
using DeinstGateway.Benchmarks.ServiceRecords;

namespace DeinstGateway.Benchmarks.Lookups;

/// <summary>The summary of a <c>lookups</c> run: per method the medians over the alternations with their range, then how it was measured.</summary>
public static class LookupReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void PrintSummary(IReadOnlyList<MethodFigures> methods, LookupOptions options, int streamLimit, string verified)
    {
        Console.WriteLine(Line($"summary: median (range) of {options.Runs} alternation(s), {options.Calls} calls per measure"));
        foreach (var method in methods)
        {
            string Stat(Func<Pair, double> of, string format) => RunStatistics.Of(method.Pairs.Select(of).ToList()).Format(format);
            Console.WriteLine(Line($"{method.Method.Name} (request {method.Method.Request.CalculateSize()} B, answer {method.Answer.Length} B{(method.Method.Logged ? ", logged" : "")})"));
            Console.WriteLine($"  gateway: calls/s {Stat(p => p.Gateway.CallsPerSecond, "F0")}; p50 ms {Stat(p => p.Gateway.P50, "F2")}; p99 ms {Stat(p => p.Gateway.P99, "F2")}; CPU µs/call {Stat(p => p.Gateway.CpuPerCall, "F1")}");
            Console.WriteLine($"  echo:    calls/s {Stat(p => p.Echo.CallsPerSecond, "F0")}; p50 ms {Stat(p => p.Echo.P50, "F2")}; p99 ms {Stat(p => p.Echo.P99, "F2")}; CPU µs/call {Stat(p => p.Echo.CpuPerCall, "F1")}");
            Console.WriteLine($"  gateway ÷ echo: calls/s {Stat(p => p.Gateway.CallsPerSecond / p.Echo.CallsPerSecond, "F2")}; p50 {Stat(p => p.Gateway.P50 / p.Echo.P50, "F2")}; CPU/call {Stat(p => p.Gateway.CpuPerCall / p.Echo.CpuPerCall, "F2")}");
        }

        Console.WriteLine("configuration:");
        Console.WriteLine(Line($"  calls: as {LookupMethods.Caller} with its development client certificate; GetInstitution institutions/{LookupMethods.Caller}; ListInstitutions page_size {LookupMethods.PageSize}, no filter; QueryCapacity for its own municipality; GetTransfer (purpose transfer-handover), LookupClient by personal code and GetClient (purpose support-planning) of one transfer from {ServiceRecordRequestFactory.Source}, submitted, accepted and completed by {LookupMethods.Caller} before timing (untimed)"));
        Console.WriteLine(Line($"  rate limiter: ON, Limits:CallsPerSecond and Limits:Burst at {LookupBenchmark.RateLimit} for every institution, far above the calls this run makes, so it never binds; a refused call would fail the size check below"));
        Console.WriteLine(Line($"  client: nghttp ({Nghttp.Program}) {(ClientProcess.Taskset is null ? "NOT pinned (no taskset or no second core)" : Line($"pinned to core {ClientProcess.Core} via taskset"))}; one process and ONE connection per measure (its start and TLS handshake are in the CPU window, not in calls/s), `-n --stat --no-dep -m N`, windows 1 MiB per stream and 16 MiB per connection; in flight: the server's stream limit, {streamLimit}"));
        Console.WriteLine("  request: the message in gRPC framing as nghttp's request body (-d), headers content-type: application/grpc, te: trailers, x-deinst-purpose where the call needs one");
        Console.WriteLine("  echo host: bare grpc-dotnet, one unary method over raw bytes that answers the gateway's own answer to the same request; Kestrel set up by the gateway's GatewayKestrel (HTTP/2, TLS, same server certificate, client certificate asked for and any accepted at the handshake, same stream limit); no authentication, interceptors or request checks");
        Console.WriteLine("  calls/s: calls ÷ (last response end − first request start) from nghttp's --stat; p50/p99: nghttp's per-call time from sending the request's first byte to the answer's last (to 10 µs under 1 s)");
        Console.WriteLine("  CPU µs/call: this process's CPU from starting nghttp to its exit ÷ calls; gateway and echo host share this process, so the idle one's background work (the gateway's feed poll each second) counts too; nghttp's own CPU is in brackets per alternation");
        Console.WriteLine(Line($"  order: per method gateway then echo in odd alternations, echo then gateway in even ones; before the first, {LookupBenchmark.WarmUpCalls} untimed calls per method on each host; before every measure the runtime is left to finish compiling"));
        Console.WriteLine("  verified: " + verified);
        Console.WriteLine("  SQLite: journal_mode=WAL, synchronous=NORMAL (access-log commits do not fsync)");
        Console.WriteLine(Line($"  hosts: in this benchmark process, NOT pinned ({Environment.ProcessorCount} cores), {(GCSettings.IsServerGC ? "Server" : "Workstation")} GC ({GCSettings.LatencyMode}); .NET {Environment.Version}"));
        Console.WriteLine("  build: " + BenchmarkRuns.Build);
    }

    private static string Line(FormattableString text) => text.ToString(Invariant);
}
