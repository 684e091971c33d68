using DeinstGateway.Server.Hosting;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>
/// The floor a gateway call is compared with: a bare grpc-dotnet host with ONE unary method that
/// does no work, on Kestrel set up by the gateway's own <see cref="GatewayKestrel"/> (HTTP/2 only,
/// TLS with the same server certificate, every client asked for a certificate and any accepted at
/// the handshake, the same stream limit), in this process like <see cref="GatewayHost"/>. No
/// authentication, interceptors or request checks: that is the gateway's work being measured.
/// The method answers whatever bytes <see cref="Answer"/> last set, so that it can return exactly
/// the message the gateway returned for the same request: request and answer sizes then match.
/// </summary>
public sealed class EchoHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoHost(WebApplication app)
    {
        _app = app;
        Url = new Uri(GatewayHost.ListeningAddress(app), EchoService.Method.FullName);
    }

    /// <summary>Where the echo method answers, for any request message.</summary>
    public Uri Url { get; }

    public static async Task<EchoHost> StartAsync(DevelopmentPki pki)
    {
        var builder = GatewayApplication.CreateBuilder([
            "--environment=Benchmark",
            $"--contentRoot={AppContext.BaseDirectory}",
            "--Urls=https://127.0.0.1:0",
            $"--Tls:CertificatePath={pki.ServerCertificatePath}",
            $"--Tls:KeyPath={pki.ServerKeyPath}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        builder.AddGatewayKestrel();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<EchoReply>();
        var app = builder.Build();
        app.MapGrpcService<EchoService>();
        await app.StartAsync();
        return new EchoHost(app);
    }

    /// <summary>The message every following call answers.</summary>
    public void Answer(byte[] message) => _app.Services.GetRequiredService<EchoReply>().Message = message;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The bytes <see cref="EchoService"/> answers, set between measures.</summary>
public sealed class EchoReply
{
    public byte[] Message { get; set; } = [];
}

/// <summary>
/// A unary method over raw bytes, bound the way generated code binds one: grpc-dotnet still reads
/// the request frame and writes the answer frame and trailers, but nothing parses a message. Not
/// sealed: grpc-dotnet binds only a virtual method of the class the attribute names, as a
/// generated service base declares them.
/// </summary>
[BindServiceMethod(typeof(EchoService), nameof(BindService))]
public class EchoService(EchoReply reply)
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    public static Method<byte[], byte[]> Method { get; } = new(MethodType.Unary, "bench.Echo", nameof(Echo), Bytes, Bytes);

    public static void BindService(ServiceBinderBase binder, EchoService? service) =>
        binder.AddMethod(Method, service is null ? null : new UnaryServerMethod<byte[], byte[]>(service.Echo));

    public virtual Task<byte[]> Echo(byte[] request, ServerCallContext context) => Task.FromResult(reply.Message);
}
