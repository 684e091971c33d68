using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>
/// The built gateway (<c>dotnet DeinstGateway.Server.dll</c>) in an operating-system process of its
/// own, started from a chosen working directory: for tests of what only a real process shows, its
/// resident memory and how it finds its settings.
/// </summary>
public sealed partial class GatewayChildProcess : IAsyncDisposable
{
    private readonly Process _process;

    private GatewayChildProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The process's resident set size, read from the operating system now.</summary>
    public long ResidentBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public static async Task<GatewayChildProcess> StartAsync(string workingDirectory, params string[] settings)
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
        foreach (var argument in GatewayProcess.Arguments(GatewayProcess.NewDatabasePath(), reported))
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Read(line.Data);
        process.ErrorDataReceived += (_, line) => Read(line.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The gateway exited at start:\n" + output));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new GatewayChildProcess(process, await listening.Task.WaitAsync(TimeSpan.FromMinutes(2)));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
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

    public async ValueTask DisposeAsync()
    {
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
