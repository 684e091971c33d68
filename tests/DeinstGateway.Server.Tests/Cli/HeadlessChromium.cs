using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace DeinstGateway.Server.Tests.Cli;

/// <summary>
/// Debian's <c>chromium</c> without a screen, driven over the DevTools protocol on one page: what a
/// coordinator's browser would run and show. No browser-automation package: the protocol is JSON
/// over one WebSocket.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private int _nextId;

    private HeadlessChromium(Process process, string profile, ClientWebSocket socket)
    {
        _process = process;
        _profile = profile;
        _socket = socket;
        _receiving = ReceiveAsync(_stop.Token);
    }

    public static async Task<HeadlessChromium> StartAsync()
    {
        var binary = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "chromium"))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("The dashboard's browser test needs Debian's chromium on PATH: apt-get install -y chromium (.ci/run installs it).");

        var profile = Path.Combine(Path.GetTempPath(), "deinst-tests", "chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            ArgumentList =
            {
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=1280,1000", "about:blank",
            },
        };
        var process = Process.Start(start)!;
        var log = new ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        try
        {
            var port = await DevToolsPortAsync(process, profile, log);
            using var http = new HttpClient();
            using var targets = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list")));
            var page = targets.RootElement.EnumerateArray().First(t => t.GetProperty("type").GetString() == "page");
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(page.GetProperty("webSocketDebuggerUrl").GetString()!), CancellationToken.None);
            return new HeadlessChromium(process, profile, socket);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public Task NavigateAsync(Uri address) => SendAsync("Page.navigate", new { url = address.ToString() });

    /// <summary>A JavaScript expression's value in the page, as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var answer = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true });
        if (answer.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"The page could not evaluate {expression}: {exception}");
        }

        return answer.GetProperty("result").TryGetProperty("value", out var value) ? value : default;
    }

    public async Task SaveScreenshotAsync(string path)
    {
        var answer = await SendAsync("Page.captureScreenshot", new { format = "png" });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, answer.GetProperty("data").GetBytesFromBase64());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        try
        {
            await _receiving;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Aborted on purpose.
        }

        _socket.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _sending.Dispose();
        _stop.Dispose();
        Directory.Delete(_profile, recursive: true);
    }

    /// <summary>Chromium picks a free port and writes it as the first line of this file in its profile.</summary>
    private static async Task<int> DevToolsPortAsync(Process process, string profile, ConcurrentQueue<string> log)
    {
        var file = Path.Combine(profile, "DevToolsActivePort");
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"chromium exited with {process.ExitCode}:\n" + string.Join('\n', log));
            }

            if (File.Exists(file) && (await File.ReadAllLinesAsync(file)) is [var port, ..] && int.TryParse(port, out var number))
            {
                return number;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"chromium did not open its DevTools port within {StartTimeout}:\n" + string.Join('\n', log));
    }

    private async Task<JsonElement> SendAsync(string method, object parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        await _sending.WaitAsync();
        try
        {
            var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters });
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }

        return await answer.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Answers go to the command with the same id; the page's events are not needed.</summary>
    private async Task ReceiveAsync(CancellationToken stop)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (!stop.IsCancellationRequested)
        {
            var part = await _socket.ReceiveAsync(buffer, stop);
            if (part.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            message.Write(buffer, 0, part.Count);
            if (!part.EndOfMessage)
            {
                continue;
            }

            using var json = JsonDocument.Parse(message.ToArray());
            message.SetLength(0);
            if (json.RootElement.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var answer))
            {
                if (json.RootElement.TryGetProperty("error", out var error))
                {
                    answer.SetException(new InvalidOperationException("DevTools: " + error));
                }
                else
                {
                    answer.SetResult(json.RootElement.GetProperty("result").Clone());
                }
            }
        }
    }
}
