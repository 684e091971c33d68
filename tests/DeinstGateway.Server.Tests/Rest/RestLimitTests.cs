using System.Net;
using System.Net.Security;
using System.Text;
using DeinstGateway.Server.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Rest;

/// <summary>
/// The gateway's limits hold for REST/JSON bodies over HTTP/1.1 as over HTTP/2: the message size cap,
/// Kestrel's minimum data rate, and the institution's call rate. A gateway of its own with a small cap
/// and a small rate bucket; each test calls as an institution of its own, so the buckets do not mix.
/// </summary>
public sealed class RestLimitTests : IAsyncLifetime
{
    private const int MaxMessageBytes = 64 * 1024;
    private GatewayProcess _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayProcess.StartAsync(
        null, $"Gateway:MaxReceiveMessageBytes={MaxMessageBytes}", "Limits:CallsPerSecond=1", "Limits:Burst=3");

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Theory]
    [InlineData("1.1", true)]
    [InlineData("1.1", false)]
    [InlineData("2.0", true)]
    [InlineData("2.0", false)]
    public async Task Body_OverTheMessageCap_IsResourceExhaustedAndTheConnectionServesTheNextCall(string version, bool declaresLength)
    {
        using var rest = RestClient.For(_gateway, "mun-madona", Version.Parse(version));
        var json = Encoding.UTF8.GetBytes($$"""{"personalCode":"{{new string('1', MaxMessageBytes)}}"}""");
        HttpContent body = declaresLength ? new ByteArrayContent(json) : new StreamContent(new UnknownLengthStream(json));
        body.Headers.ContentType = new("application/json");

        var answer = await rest.SendAsync(HttpMethod.Post, "/v1/clients:lookup", body, "support-planning");
        var next = await rest.GetAsync("/v1/institutions/mun-madona");

        Assert.Equal((HttpStatusCode.TooManyRequests, (int)StatusCode.ResourceExhausted), (answer.Status, answer.Error().Code));
        Assert.Equal(HttpStatusCode.OK, next.Status);
    }

    /// <summary>
    /// Over HTTP/1.1 the call is answered DEADLINE_EXCEEDED and the connection closed. HttpClient reads
    /// no answer before its request body is complete, so the request is written by hand.
    /// </summary>
    [Fact]
    public async Task Body_ArrivingSlowerThanTheMinimumDataRateOverHttp11_IsDeadlineExceededAndTheConnectionClosed()
    {
        await using var tls = await RawTls.ConnectAsync(_gateway.Address, TestPki.Instance.ClientCertificate("mun-riga"), SslApplicationProtocol.Http11);
        await tls.WriteAsync(Encoding.ASCII.GetBytes(
            "POST /v1/clients:lookup HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n" +
            "x-deinst-purpose: support-planning\r\n\r\n{\"personalCode\":\"0"));
        await tls.FlushAsync();

        // To the end: the gateway closes the connection after its answer.
        var answer = await new StreamReader(tls).ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.StartsWith("HTTP/1.1 504 ", answer);
        Assert.Equal((int)StatusCode.DeadlineExceeded, RestClient.Json.Parse<Google.Rpc.Status>(answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]).Code);
    }

    /// <summary>Over HTTP/2 Kestrel ends the whole connection, as it does for a gRPC call whose request body stalls.</summary>
    [Fact]
    public async Task Body_ArrivingSlowerThanTheMinimumDataRateOverHttp2_EndsTheConnection()
    {
        using var rest = RestClient.For(_gateway, "mun-liepaja", RestClient.Http2);
        using var stalled = new StalledContent(Encoding.UTF8.GetBytes("""{"personalCode":"0"""), declaredLength: 1000);

        var ended = await Assert.ThrowsAnyAsync<Exception>(() => rest.SendAsync(HttpMethod.Post, "/v1/clients:lookup", stalled, "support-planning"));

        // The reset reaches HttpClient as a failed send, or as the cancelled upload of the body; not as its own timeout.
        Assert.True(ended is HttpRequestException or OperationCanceledException { InnerException: not TimeoutException }, ended.ToString());
    }

    [Theory]
    [InlineData("1.1", "mun-jelgava")]
    [InlineData("2.0", "mun-ventspils")]
    public async Task Call_OverTheInstitutionsBurst_IsResourceExhaustedWithRetryInfoAsOverGrpc(string version, string caller)
    {
        using var rest = RestClient.For(_gateway, caller, Version.Parse(version));

        RestAnswer answer;
        var served = 0;
        while ((answer = await rest.GetAsync("/v1/serviceTypes")).Status == HttpStatusCode.OK && served < 100)
        {
            served++;
        }

        Assert.Equal((HttpStatusCode.TooManyRequests, "RATE_LIMITED"), (answer.Status, answer.Error().GetDetail<ErrorInfo>()?.Reason));
        Assert.NotNull(answer.Error().GetDetail<RetryInfo>());
    }

    /// <summary>A body whose length is not known in advance: chunked over HTTP/1.1, DATA frames without content-length over HTTP/2.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }

    /// <summary>Sends the start of a body, then nothing until the call is given up.</summary>
    private sealed class StalledContent : HttpContent
    {
        private readonly byte[] _start;

        public StalledContent(byte[] start, long declaredLength)
        {
            _start = start;
            Headers.ContentType = new("application/json");
            Headers.ContentLength = declaredLength;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(_start, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = Headers.ContentLength ?? 0;
            return true;
        }
    }
}
