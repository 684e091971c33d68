using System.Net;
using System.Net.Http.Headers;
using DeinstGateway.Server.Tests.Infrastructure;

namespace DeinstGateway.Server.Tests.Hostile;

/// <summary>
/// One HTTP/2 connection to a gateway on which gRPC calls send the start of a body and then hold
/// the stream open, sending nothing more until released: what a caller does to make the gateway
/// keep memory for messages it never finishes.
/// </summary>
public sealed class HeldStreams(Uri address, string? caller) : IDisposable
{
    private readonly HttpClient _client = new(Handler(caller)) { BaseAddress = address };
    private CancellationTokenSource _release = new();
    private readonly List<Task<HttpResponseMessage>> _calls = [];

    /// <summary>Starts a call that sends <paramref name="start"/> and holds; returns once those bytes are sent.</summary>
    public async Task HoldAsync(string method, byte[] start)
    {
        var release = _release.Token;
        var content = new HoldingContent(start, release);
        var call = _client.SendAsync(Request(method, content), HttpCompletionOption.ResponseHeadersRead, release);
        _calls.Add(call);
        // A call that fails before its bytes are sent says why.
        if (await Task.WhenAny(content.Sent, call) == call)
        {
            await call;
        }
    }

    /// <summary>The first held call the gateway answered (ended) while the others still hold; its grpc-status.</summary>
    public async Task<string?> FirstAnsweredAsync()
    {
        using var response = await await Task.WhenAny(_calls);
        _calls.RemoveAll(c => c.IsCompleted);
        // Trailers arrive after the body.
        await response.Content.CopyToAsync(Stream.Null);
        return Status(response);
    }

    /// <summary>
    /// A complete call on the same connection: the gateway reads a connection's frames in order,
    /// so when it is answered, every stream opened before it has been received.
    /// </summary>
    public async Task<string?> CallAsync(string method, byte[] body)
    {
        using var response = await _client.SendAsync(Request(method, new ByteArrayContent(body)), HttpCompletionOption.ResponseContentRead);
        return Status(response);
    }

    /// <summary>Resets every held stream and waits until each has ended on this side; the connection stays open.</summary>
    public async Task ReleaseAsync()
    {
        await _release.CancelAsync();
        _release.Dispose();
        _release = new CancellationTokenSource();
        foreach (var call in _calls)
        {
            try
            {
                (await call).Dispose();
            }
            catch (OperationCanceledException)
            {
            }
        }

        _calls.Clear();
    }

    public void Dispose()
    {
        _release.Cancel();
        _client.Dispose();
        _release.Dispose();
    }

    private static HttpRequestMessage Request(string method, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(method, UriKind.Relative))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        return request;
    }

    private static string? Status(HttpResponseMessage response) =>
        (response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer : null)?.Single()
        ?? (response.Headers.TryGetValues("grpc-status", out var header) ? header.Single() : null);

    // One connection only: the calls are streams multiplexed on it, as the gateway's per-connection limits see them.
    private static SocketsHttpHandler Handler(string? institution)
    {
        var handler = GatewayProcess.HandlerWith(institution is null ? null : TestPki.Instance.ClientCertificate(institution));
        handler.EnableMultipleHttp2Connections = false;
        return handler;
    }

    private sealed class HoldingContent(byte[] start, CancellationToken release) : HttpContent
    {
        private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Sent => _sent.Task;

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(start, release);
            await stream.FlushAsync(release);
            _sent.TrySetResult();
            await Task.Delay(Timeout.Infinite, release);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
