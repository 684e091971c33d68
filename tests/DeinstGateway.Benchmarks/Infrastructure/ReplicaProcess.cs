using System.Diagnostics;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>
/// A second gateway replica in an operating-system process of its own (this program started again
/// as <c>replica --pki FOLDER --folder FOLDER [setting …]</c>), over the same SQLite file and keys
/// as the <see cref="GatewayHost"/> in the benchmark's process: what two replicas behind a load
/// balancer share. Not pinned: it is a server like the first. Ends when its standard input closes.
/// </summary>
public sealed class ReplicaProcess : IAsyncDisposable
{
    public const string Name = "replica";
    private const string ReadyPrefix = "ready ";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;

    private ReplicaProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    public static async Task<ReplicaProcess> StartAsync(DevelopmentPki pki, string folder, IEnumerable<string> settings)
    {
        var (program, prefix) = ClientProcess.Self();
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[.. prefix, Name, "--pki", pki.Folder, "--folder", folder, .. settings])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new BenchmarkFailedException($"could not start the {Name} process");
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith(ReadyPrefix, StringComparison.Ordinal))
                {
                    return new ReplicaProcess(process, new Uri(line[ReadyPrefix.Length..]));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        process.Kill(entireProcessTree: true);
        throw new BenchmarkFailedException($"the {Name} process did not say it was ready within {ReadyTimeout.TotalSeconds:F0} s");
    }

    /// <summary>The replica's side: serves until standard input closes.</summary>
    public static async Task<int> ServeAsync(ReadOnlyMemory<string> args)
    {
        if (args.Length < 4 || args.Span[0] != "--pki" || args.Span[2] != "--folder")
        {
            await Console.Error.WriteLineAsync($"{Name}: needs --pki FOLDER --folder FOLDER [setting …]");
            return 2;
        }

        await using var gateway = await GatewayHost.StartAsync(DevelopmentPki.Open(args.Span[1]), args.Span[3], args[4..].ToArray());
        await Console.Out.WriteLineAsync(ReadyPrefix + gateway.Address);
        await Console.In.ReadToEndAsync();
        return 0;
    }

    /// <summary>The replica's CPU time so far, from /proc (Linux), for idle-cost figures.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The replica's peak resident set so far (VmHWM on Linux): what the process has needed at most.</summary>
    public long PeakWorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
