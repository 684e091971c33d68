using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DeinstGateway.Benchmarks.Infrastructure;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>
/// The benchmark's side of a load-client process (<see cref="ClientCommand"/>): this same program
/// started again as <c>taskset -c 1 … {command} …</c>, so that the load client has one core of its
/// own and the gateway, in the benchmark's process, is not pinned at all. Without <c>taskset</c>
/// the client runs unpinned, and <see cref="Placement"/> says so.
/// </summary>
public sealed class ClientProcess : IAsyncDisposable
{
    /// <summary>The core the client is pinned to; the gateway may use every core.</summary>
    public const int Core = 1;

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StreamTimeout = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly string _command;
    private readonly ConcurrentQueue<string> _errors = new();

    private ClientProcess(Process process, string command) => (_process, _command) = (process, command);

    /// <summary><c>taskset</c> (util-linux) from PATH, if there is one and a core <see cref="Core"/> to pin to.</summary>
    public static string? Taskset { get; } = Environment.ProcessorCount > Core ? FindOnPath("taskset") : null;

    /// <summary>How the client is started, for the printed configuration.</summary>
    public static string Placement(string clientCommand)
    {
        var (program, prefix) = Self();
        var command = string.Join(' ', [Path.GetFileName(program), .. prefix.Select(Path.GetFileName), clientCommand]);
        return Taskset is null
            ? $"a separate process ({command}) NOT pinned: taskset {(Environment.ProcessorCount > Core ? "was not found on PATH" : "has no second core to pin to")}, so client and gateway compete for all {Environment.ProcessorCount} cores"
            : string.Create(CultureInfo.InvariantCulture, $"a separate process pinned to core {Core} via `taskset -c {Core} {command}` ({Taskset})");
    }

    /// <summary>
    /// How to start <paramref name="program"/> on core <see cref="Core"/> (through taskset, when there
    /// is one), its output and errors redirected; its own arguments still to be added.
    /// </summary>
    public static ProcessStartInfo Pinned(string program)
    {
        var start = new ProcessStartInfo
        {
            FileName = Taskset ?? program,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Taskset is not null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(Core.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add(program);
        }

        return start;
    }

    /// <summary>Starts <paramref name="command"/> and waits until it has loaded its messages and connected.</summary>
    public static async Task<ClientProcess> StartAsync(string command, IEnumerable<string> arguments)
    {
        var (program, prefix) = Self();
        var start = Pinned(program);
        start.RedirectStandardInput = true;
        foreach (var argument in (string[])[.. prefix, command, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new BenchmarkFailedException($"could not start {start.FileName}");
        var client = new ClientProcess(process, command);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                client._errors.Enqueue(line);
                Console.Error.WriteLine($"  {command}: {line}");
            }
        };
        process.BeginErrorReadLine();
        try
        {
            var ready = await client.ReadLineAsync(ReadyTimeout, "ready");
            if (ready != ClientCommand.Ready)
            {
                throw await client.FailedAsync($"said '{ready}' instead of '{ClientCommand.Ready}'");
            }
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }

        return client;
    }

    /// <summary>Timed by the client: sends <c>go</c> and waits for its result line.</summary>
    public async Task<ClientReport<TFigures>> GoAsync<TFigures>()
    {
        await _process.StandardInput.WriteLineAsync(ClientCommand.Go);
        await _process.StandardInput.FlushAsync();
        var line = await ReadLineAsync(StreamTimeout, "its result");
        if (!line.StartsWith(ClientCommand.ResultPrefix, StringComparison.Ordinal))
        {
            throw await FailedAsync($"said '{line}' instead of its result");
        }

        return JsonSerializer.Deserialize<ClientReport<TFigures>>(line[ClientCommand.ResultPrefix.Length..])
            ?? throw await FailedAsync("sent an empty result");
    }

    /// <summary>Waits until the client has written its answers and ended well.</summary>
    public async Task FinishAsync()
    {
        using var timeout = new CancellationTokenSource(ExitTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw await FailedAsync($"did not end within {ExitTimeout.TotalSeconds:F0} s of its result");
        }

        if (_process.ExitCode != 0)
        {
            throw await FailedAsync($"ended with exit code {_process.ExitCode}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The next line on the client's standard output; other chatter is passed on to standard error.</summary>
    private async Task<string> ReadLineAsync(TimeSpan within, string awaited)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            while (true)
            {
                var line = await _process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw await FailedAsync($"ended before {awaited}");
                if (line == ClientCommand.Ready || line.StartsWith(ClientCommand.ResultPrefix, StringComparison.Ordinal))
                {
                    return line;
                }

                Console.Error.WriteLine($"  {_command} (stdout): {line}");
            }
        }
        catch (OperationCanceledException)
        {
            throw await FailedAsync($"sent no {awaited} within {within.TotalSeconds:F0} s");
        }
    }

    private async Task<BenchmarkFailedException> FailedAsync(string what)
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(); // also drains standard error
        var errors = string.Join(" | ", _errors.TakeLast(5));
        return new BenchmarkFailedException($"the {_command} process {what}{(errors.Length > 0 ? ": " + errors : "")}");
    }

    /// <summary>
    /// This program: its app host when it has one (as with <c>dotnet run</c>), else <c>dotnet</c>
    /// with this assembly.
    /// </summary>
    public static (string Program, string[] Prefix) Self()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, typeof(ClientProcess).Assembly.GetName().Name + ".dll");
        var processPath = Environment.ProcessPath;
        return processPath is null || Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? (processPath ?? "dotnet", [dll])
            : (processPath, []);
    }

    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
