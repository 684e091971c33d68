using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using DeinstGateway.Server.Hosting;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>
/// The real gateway, composed exactly as <c>Program</c> composes it, listening with TLS on a
/// free loopback port over a real SQLite file. Several may share one file, as replicas do.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new();
    private readonly ConcurrentDictionary<string, CallInvoker> _invokers = new();

    private GatewayProcess(WebApplication app, string databasePath)
    {
        _app = app;
        DatabasePath = databasePath;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Address = new Uri(address);
    }

    public Uri Address { get; }

    public string DatabasePath { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>A new SQLite file path in its own temporary folder.</summary>
    public static string NewDatabasePath() =>
        Path.Combine(Path.GetTempPath(), "deinst-tests", "db-" + Guid.NewGuid().ToString("N"), "deinst.db");

    public static async Task<GatewayProcess> StartAsync(string? databasePath = null, params string[] settings)
    {
        databasePath ??= NewDatabasePath();
        var app = await GatewayApplication.BuildAsync(Arguments(databasePath, settings));
        await app.StartAsync();
        return new GatewayProcess(app, databasePath);
    }

    /// <summary>The command line of a test gateway on a free loopback port over this file; each setting as <c>Key=value</c>.</summary>
    public static string[] Arguments(string databasePath, IEnumerable<string> settings)
    {
        var pki = TestPki.Instance;
        return
        [
            "--environment=Testing",
            "--Urls=https://127.0.0.1:0",
            $"--Database:SqlitePath={databasePath}",
            $"--Tls:CertificatePath={pki.ServerCertificatePath}",
            $"--Tls:KeyPath={pki.ServerKeyPath}",
            $"--Identity:TrustedCaPath={pki.CaCertificatePath}",
            // Beside the database file, never in it: replicas sharing the file share the keys.
            $"--PersonalData:KeyFile={Path.Combine(Path.GetDirectoryName(databasePath)!, "personal-data-keys.json")}",
            "--PersonalData:CreateKeyFileIfMissing=true",
            $"--Audit:KeyFile={Path.Combine(Path.GetDirectoryName(databasePath)!, "access-log-key")}",
            "--Audit:CreateKeyFileIfMissing=true",
            "--Logging:LogLevel:Default=Warning",
            .. settings.Select(s => "--" + s),
        ];
    }

    /// <summary>
    /// Calls authenticated as the institution, with its development certificate, declaring a
    /// purpose its kind may declare wherever the call carries personal data.
    /// </summary>
    public CallInvoker ChannelFor(string institutionCode) =>
        _invokers.GetOrAdd(institutionCode, code => _channels
            .GetOrAdd(code, c => ChannelWith(TestPki.Instance.ClientCertificate(c)))
            .Intercept(new DeclaredPurposeInterceptor(ReferenceDataExpectations.KindOf(code))));

    /// <summary>A channel presenting exactly this certificate, or none; <paramref name="outer"/> may change each request on its way.</summary>
    public GrpcChannel ChannelWith(X509Certificate2? clientCertificate, DelegatingHandler? outer = null) =>
        ChannelTo(Address, clientCertificate, outer);

    /// <summary><see cref="ChannelWith"/> to any gateway's address, also one running in a process of its own.</summary>
    public static GrpcChannel ChannelTo(Uri address, X509Certificate2? clientCertificate, DelegatingHandler? outer = null)
    {
        HttpMessageHandler handler = HandlerWith(clientCertificate);
        if (outer is not null)
        {
            outer.InnerHandler = handler;
            handler = outer;
        }

        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    /// <summary>The TLS handler of <see cref="ChannelWith"/>, for tests that speak HTTP/2 below the gRPC client.</summary>
    public static SocketsHttpHandler HandlerWith(X509Certificate2? clientCertificate) =>
        new() { SslOptions = TlsWith(clientCertificate), EnableMultipleHttp2Connections = true };

    /// <summary>The TLS of an institution's client: trusts the test CA only, offers exactly this certificate.</summary>
    public static SslClientAuthenticationOptions TlsWith(X509Certificate2? clientCertificate) => new()
    {
        // The client trusts only the test CA for the server, as an institution trusts the
        // gateway's CA, and always offers its certificate whatever CA names the server lists.
        CertificateChainPolicy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            CustomTrustStore = { X509CertificateLoader.LoadCertificateFromFile(TestPki.Instance.CaCertificatePath) },
            RevocationMode = X509RevocationMode.NoCheck,
        },
        // Offline, so that the client never fetches the issuer URL of a certificate a test made:
        // a connection to it must be the gateway's.
        ClientCertificateContext = clientCertificate is null
            ? null
            : SslStreamCertificateContext.Create(clientCertificate, additionalCertificates: null, offline: true),
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
