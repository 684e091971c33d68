using DeinstGateway.Core.Access;
using System.Diagnostics;
using System.Runtime;
using System.Text.Json;
using DeinstGateway.Benchmarks.Infrastructure;
using Deinst.V1;

namespace DeinstGateway.Benchmarks.Transfers;

/// <summary>What a <c>transfers-client</c> process reports on its one result line, as JSON.</summary>
/// <param name="Stream">The stream's timing as this client saw it.</param>
/// <param name="Before">This process's counters just before the first write.</param>
/// <param name="After">This process's counters just after the last answer.</param>
/// <param name="ProcessorCount">The cores this process may use (1 when pinned).</param>
/// <param name="Cores">Which cores, from its affinity mask, e.g. <c>1</c>.</param>
public sealed record TransferClientReport(
    StreamFigures Stream, ProcessMeter Before, ProcessMeter After, int ProcessorCount, string Cores, bool ServerGc, string GcLatencyMode)
{
    public string Gc => (ServerGc ? "Server" : "Workstation") + " GC (" + GcLatencyMode + ")";
}

/// <summary>
/// <c>transfers-client --address URL --pki FOLDER --messages FILE --responses FILE</c>: the load
/// client of <see cref="TransferIngestBenchmark"/> as a process of its own (not in the usage; the
/// benchmark starts it, pinned to one core). Untimed, it loads the pre-built messages, connects
/// with the client certificate, makes a first authenticated call and prints <c>ready</c>; on a
/// <c>go</c> line on standard input it sends every message on one SubmitTransfers stream, prints
/// <c>result {json}</c> (<see cref="TransferClientReport"/>) and then, untimed again, writes the
/// answers to the responses file for the benchmark to check.
/// </summary>
public static class TransferClientCommand
{
    public const string Name = "transfers-client";
    public const string Ready = "ready";
    public const string Go = "go";
    public const string ResultPrefix = "result ";

    private static readonly string[] Options = ["--address", "--pki", "--messages", "--responses"];

    public static async Task<int> RunAsync(ReadOnlyMemory<string> args)
    {
        try
        {
            return await RunCoreAsync(args);
        }
        catch (Exception e) when (e is not BenchmarkFailedException)
        {
            // One line for the benchmark to quote, not a stack trace.
            await Console.Error.WriteLineAsync($"{Name}: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> RunCoreAsync(ReadOnlyMemory<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            var name = args.Span[i];
            if (!Options.Contains(name) || i + 1 >= args.Length)
            {
                await Console.Error.WriteLineAsync($"{Name}: unknown option or missing value '{name}'; needs {string.Join(' ', Options.Select(o => o + " …"))}");
                return 2;
            }

            values[name] = args.Span[i + 1];
        }

        if (Options.FirstOrDefault(o => !values.ContainsKey(o)) is { } missing)
        {
            await Console.Error.WriteLineAsync($"{Name}: {missing} is required");
            return 2;
        }

        // Untimed: the messages, the TLS handshake with the client certificate, a first call.
        var requests = DelimitedFile.Read(values["--messages"], SubmitTransferRequest.Parser);
        var pki = DevelopmentPki.Open(values["--pki"]);
        using var channel = GatewayChannel.For(new Uri(values["--address"]), pki, TransferRequestFactory.Caller, Purposes.TransferHandover);
        await SubmitStream.ConnectAsync(channel);
        ProcessMeter.Settle();

        await Console.Out.WriteLineAsync(Ready);
        var line = await Console.In.ReadLineAsync();
        if (line != Go)
        {
            await Console.Error.WriteLineAsync($"{Name}: expected '{Go}' on standard input, got '{line}'");
            return 2;
        }

        var before = ProcessMeter.Read();
        var stream = await SubmitStream.RunAsync(channel, requests);
        var after = ProcessMeter.Read();

        var report = new TransferClientReport(
            stream.Figures(), before, after, Environment.ProcessorCount, Cores(), GCSettings.IsServerGC, GCSettings.LatencyMode.ToString());
        await Console.Out.WriteLineAsync(ResultPrefix + JsonSerializer.Serialize(report));
        DelimitedFile.Write(values["--responses"], stream.Kept);
        return 0;
    }

    /// <summary>The cores in this process's affinity mask, e.g. <c>1</c> or <c>0,1</c>.</summary>
    private static string Cores()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsWindows())
        {
            return "?";
        }

        using var process = Process.GetCurrentProcess();
        var mask = (ulong)(long)process.ProcessorAffinity;
        return string.Join(',', Enumerable.Range(0, 64).Where(core => (mask & (1UL << core)) != 0));
    }
}
