using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DeinstGateway.Server.Access;
using DeinstGateway.Server.Errors;
using Google.Protobuf;

namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>
/// REST/JSON calls to the gateway as an institution's HTTP client makes them: over mutual TLS with
/// its certificate (or none), on exactly the HTTP version asked for.
/// </summary>
public sealed class RestClient(Uri address, X509Certificate2? certificate, Version version) : IDisposable
{
    public static readonly Version Http11 = HttpVersion.Version11;
    public static readonly Version Http2 = HttpVersion.Version20;

    /// <summary>Reads the gateway's JSON, error details included.</summary>
    public static readonly JsonParser Json = new(JsonParser.Settings.Default.WithTypeRegistry(RpcErrors.DetailTypes));

    private readonly HttpClient _http = new(GatewayProcess.HandlerWith(certificate)) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };

    public static RestClient For(GatewayProcess gateway, string institutionCode, Version version) =>
        new(gateway.Address, TestPki.Instance.ClientCertificate(institutionCode), version);

    public Task<RestAnswer> GetAsync(string path, string? purpose = null) => SendAsync(HttpMethod.Get, path, content: null, purpose);

    public Task<RestAnswer> PostAsync(string path, string json, string? purpose = null) =>
        SendAsync(HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, "application/json"), purpose);

    public async Task<RestAnswer> SendAsync(HttpMethod method, string path, HttpContent? content, string? purpose = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content, Version = version, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        if (purpose is not null)
        {
            request.Headers.Add(AccessControlInterceptor.PurposeHeader, purpose);
        }

        using var response = await _http.SendAsync(request);
        return new RestAnswer(response.StatusCode, response.Version, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>What a REST call answered.</summary>
public sealed record RestAnswer(HttpStatusCode Status, Version Version, string? ContentType, string Body)
{
    /// <summary>The google.rpc status of a refused call.</summary>
    public Google.Rpc.Status Error()
    {
        Assert.Equal("application/json", ContentType);
        return RestClient.Json.Parse<Google.Rpc.Status>(Body);
    }

    public T As<T>()
        where T : IMessage, new()
    {
        Assert.True(Status == HttpStatusCode.OK, $"{(int)Status}: {Body}");
        return RestClient.Json.Parse<T>(Body);
    }
}
