using DeinstGateway.Benchmarks.Infrastructure;
using Deinst.V1;

namespace DeinstGateway.Benchmarks.ServiceRecords;

/// <summary>
/// <c>--nghttp</c>: ONE RecordServices stream sent by <see cref="Nghttp"/>, pinned to core 1 like
/// the .NET client, with the provider's client certificate. The request body is the stream's
/// messages in gRPC framing, written before timing; nghttp sends it as HTTP/2 DATA frames of up to
/// 16 KB, as a C-core or Go client does when messages are written faster than the network takes
/// them. The gateway still reads and decides every message on its own. The grpc-dotnet client
/// flushes every message, and on these 2 cores its CPU (about 20 µs per message) is taken from the
/// gateway: this client measures the gateway, the default one measures both.
/// </summary>
public static class NghttpRecordStream
{
    private const string Method = "/deinst.v1.ServiceRecordService/RecordServices";

    /// <summary>Timed: from starting nghttp (its start and TLS handshake included) to its exit; the response read from its output.</summary>
    public static async Task<(RecordServicesResponse Response, TimeSpan Elapsed, TimeSpan ClientCpu)> RunAsync(
        Uri address, DevelopmentPki pki, string bodyPath, string purpose)
    {
        var run = await Nghttp.RunAsync(new Uri(address, Method), pki, ServiceRecordRequestFactory.Provider, bodyPath, purpose);
        return (RecordServicesResponse.Parser.ParseFrom(run.FirstMessage()), run.Elapsed, run.ClientCpu);
    }
}
