using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>
/// The built gateway (<c>dotnet DeinstGateway.Server.dll</c>) in an operating-system process of its
/// own, started from a chosen working directory: for tests of what only a real process shows, its
/// resident memory, how it finds its settings, how it stops and why it refuses to start.
/// </summary>
public sealed partial class GatewayChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly List<GrpcChannel> _channels = [];

    private GatewayChildProcess(Process process, Uri address, StringBuilder output)
    {
        _process = process;
        Address = address;
        _output = output;
    }

    public Uri Address { get; }

    /// <summary>What the process wrote to standard output and error so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The process's resident set size, read from the operating system now.</summary>
    public long ResidentBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public static Task<GatewayChildProcess> StartAsync(string workingDirectory, params string[] settings) =>
        StartOnAsync(workingDirectory, GatewayProcess.NewDatabasePath(), settings);

    /// <summary>Starts over this SQLite file; throws <see cref="GatewayExitedException"/> if the process ends before it listens.</summary>
    public static async Task<GatewayChildProcess> StartOnAsync(string workingDirectory, string databasePath, params string[] settings)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DeinstGateway.Server.dll"));
        // The start-up report names the port the system chose.
        string[] reported = [.. settings, "Logging:LogLevel:DeinstGateway.Server.Hosting.StartupReport=Information"];
        foreach (var argument in GatewayProcess.Arguments(databasePath, reported))
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Read(line.Data);
        process.ErrorDataReceived += (_, line) => Read(line.Data);
        process.Exited += (_, _) =>
        {
            // The exit event may come before the last lines are read; waiting again drains them.
            process.WaitForExit();
            lock (output)
            {
                listening.TrySetException(new GatewayExitedException(process.ExitCode, output.ToString()));
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new GatewayChildProcess(process, await listening.Task.WaitAsync(TimeSpan.FromMinutes(2)), output);
        }
        catch
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            throw;
        }

        void Read(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (ListeningOn().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }
    }

    /// <summary>Calls as the institution with its development certificate, declaring a purpose its kind may declare.</summary>
    public CallInvoker ChannelFor(string institutionCode)
    {
        var channel = GatewayProcess.ChannelTo(Address, TestPki.Instance.ClientCertificate(institutionCode));
        _channels.Add(channel);
        return channel.Intercept(new DeclaredPurposeInterceptor(ReferenceDataExpectations.KindOf(institutionCode)));
    }

    /// <summary>Sends SIGTERM, as an orchestrator stopping a container does, and returns the exit code once the process has ended.</summary>
    public async Task<int> TerminateAsync(CancellationToken cancellationToken)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        _channels.ForEach(c => c.Dispose());
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"listening on (https://\S+)")]
    private static partial Regex ListeningOn();
}

/// <summary>The gateway process ended before it listened: a refusal to start, with its exit code and output.</summary>
public sealed class GatewayExitedException(int exitCode, string output)
    : Exception($"The gateway exited at start with code {exitCode}:\n{output}")
{
    public int ExitCode { get; } = exitCode;

    public string Output { get; } = output;
}
