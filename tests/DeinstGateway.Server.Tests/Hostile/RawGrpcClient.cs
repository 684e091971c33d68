using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using DeinstGateway.Server.Access;
using DeinstGateway.Server.Tests.Infrastructure;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Hostile;

/// <summary>
/// Speaks gRPC over HTTP/2 by hand, below the generated client, so that frames can be wrong on
/// purpose: a length prefix that lies, a compressed flag without compression, bytes that are no
/// protobuf at all. It presents an institution's certificate exactly as the gRPC channels do.
/// </summary>
public sealed class RawGrpcClient(Uri address) : IDisposable
{
    private const int FrameHeaderLength = 5;
    private readonly ConcurrentDictionary<string, HttpClient> _clients = new();

    /// <summary>One gRPC frame: the compressed flag, the big-endian length (the real one unless told otherwise), the payload.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> payload, bool compressed = false, uint? declaredLength = null)
    {
        var frame = new byte[FrameHeaderLength + payload.Length];
        frame[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength ?? (uint)payload.Length);
        payload.CopyTo(frame.AsSpan(FrameHeaderLength));
        return frame;
    }

    /// <summary>Posts the body as one gRPC call and reads the status from the trailers (or a trailers-only answer).</summary>
    public async Task<RawGrpcResponse> PostAsync(
        string caller, string method, byte[] body, IReadOnlyDictionary<string, string>? headers = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, method))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        AddCallHeaders(request, caller, method);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _clients.GetOrAdd(caller, Create).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var status = Single(response.TrailingHeaders, "grpc-status") ?? Single(response.Headers, "grpc-status");
        return new RawGrpcResponse(
            response.StatusCode,
            status is null ? null : (StatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture),
            Unframe(content));
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    // Every header a call carries besides its body, in one place, as the gRPC channels send them,
    // with the purpose a well-behaved caller of this kind declares for the method.
    private static void AddCallHeaders(HttpRequestMessage request, string caller, string method)
    {
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (caller.Length > 0 && DeclaredPurposeInterceptor.PurposeFor(method, ReferenceDataExpectations.KindOf(caller)) is { } purpose)
        {
            request.Headers.TryAddWithoutValidation(AccessControlInterceptor.PurposeHeader, purpose);
        }
    }

    private static HttpClient Create(string caller) =>
        new(GatewayProcess.HandlerWith(caller.Length == 0 ? null : TestPki.Instance.ClientCertificate(caller)));

    private static string? Single(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.Single() : null;

    private static List<byte[]> Unframe(byte[] content)
    {
        var messages = new List<byte[]>();
        for (var offset = 0; offset + FrameHeaderLength <= content.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(offset + 1));
            messages.Add(content.AsSpan(offset + FrameHeaderLength, length).ToArray());
            offset += FrameHeaderLength + length;
        }

        return messages;
    }
}

/// <summary>A raw call's answer: the HTTP status, the gRPC status (null when the server sent none) and the response messages.</summary>
public sealed record RawGrpcResponse(HttpStatusCode HttpStatus, StatusCode? Status, IReadOnlyList<byte[]> Messages);
