using System.Diagnostics;
using System.Runtime;
using System.Text.Json;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>What a load-client process reports on its one result line, as JSON.</summary>
/// <param name="Stream">The stream's timing (and outcome) as the client saw it.</param>
/// <param name="Before">The client process's counters just before the first write.</param>
/// <param name="After">The client process's counters just after the last answer.</param>
/// <param name="ProcessorCount">The cores the client may use (1 when pinned).</param>
/// <param name="Cores">Which cores, from its affinity mask, e.g. <c>1</c>.</param>
public sealed record ClientReport<TFigures>(
    TFigures Stream, ProcessMeter Before, ProcessMeter After, int ProcessorCount, string Cores, bool ServerGc, string GcLatencyMode)
{
    public string Gc => (ServerGc ? "Server" : "Workstation") + " GC (" + GcLatencyMode + ")";
}

/// <summary>
/// The client side of a load-client process (<see cref="ClientProcess"/> starts it): its options,
/// the handshake, and the result line. Untimed, the client loads its messages and connects, then
/// prints <c>ready</c>; on a <c>go</c> line on standard input it runs the timed stream and prints
/// <c>result {json}</c> (<see cref="ClientReport{TFigures}"/>); what it writes after that for the
/// benchmark to check is untimed again.
/// </summary>
public static class ClientCommand
{
    public const string Ready = "ready";
    public const string Go = "go";
    public const string ResultPrefix = "result ";

    /// <summary>Runs a client; errors become one line for the benchmark to quote, not a stack trace.</summary>
    public static async Task<int> RunAsync(string name, ReadOnlyMemory<string> args, IReadOnlyList<string> options, Func<IReadOnlyDictionary<string, string>, Task<int>> run)
    {
        try
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < args.Length; i += 2)
            {
                var option = args.Span[i];
                if (!options.Contains(option) || i + 1 >= args.Length)
                {
                    await Console.Error.WriteLineAsync($"{name}: unknown option or missing value '{option}'; needs {string.Join(' ', options.Select(o => o + " …"))}");
                    return 2;
                }

                values[option] = args.Span[i + 1];
            }

            if (options.FirstOrDefault(o => !values.ContainsKey(o)) is { } missing)
            {
                await Console.Error.WriteLineAsync($"{name}: {missing} is required");
                return 2;
            }

            return await run(values);
        }
        catch (Exception e) when (e is not BenchmarkFailedException)
        {
            await Console.Error.WriteLineAsync($"{name}: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }

    /// <summary>Says <c>ready</c> and waits for <c>go</c>; false (after saying why) on anything else.</summary>
    public static async Task<bool> ReadyAsync(string name)
    {
        ProcessMeter.Settle();
        await Console.Out.WriteLineAsync(Ready);
        var line = await Console.In.ReadLineAsync();
        if (line == Go)
        {
            return true;
        }

        await Console.Error.WriteLineAsync($"{name}: expected '{Go}' on standard input, got '{line}'");
        return false;
    }

    /// <summary>Prints the result line of a timed stream that ran between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static Task ReportAsync<TFigures>(TFigures stream, ProcessMeter before, ProcessMeter after) =>
        Console.Out.WriteLineAsync(ResultPrefix + JsonSerializer.Serialize(new ClientReport<TFigures>(
            stream, before, after, Environment.ProcessorCount, Cores(), GCSettings.IsServerGC, GCSettings.LatencyMode.ToString())));

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
