using DeinstGateway.Server.Hosting;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>
/// The real gateway, composed by <see cref="GatewayApplication"/> exactly as <c>Program</c> and the
/// integration tests compose it, listening with TLS on a free loopback port over its own SQLite
/// file. With <c>--in-process</c> the client shares this process, and so the machine's cores;
/// otherwise a <c>transfers-client</c> process pinned to one core talks to <see cref="Address"/>.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DevelopmentPki _pki;
    private readonly List<GrpcChannel> _channels = [];

    private GatewayHost(WebApplication app, DevelopmentPki pki, string databasePath)
    {
        _app = app;
        _pki = pki;
        DatabasePath = databasePath;
        Address = ListeningAddress(app);
    }

    public Uri Address { get; }

    public string DatabasePath { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="folder">The run's own folder: the SQLite file and the personal-data keys go there.</param>
    public static async Task<GatewayHost> StartAsync(DevelopmentPki pki, string folder, params string[] settings)
    {
        var databasePath = Path.Combine(folder, "deinst.db");
        string[] args =
        [
            "--environment=Benchmark",
            // appsettings.json is copied beside this program; `dotnet run` may start it elsewhere.
            $"--contentRoot={AppContext.BaseDirectory}",
            "--Urls=https://127.0.0.1:0",
            $"--Database:SqlitePath={databasePath}",
            $"--Tls:CertificatePath={pki.ServerCertificatePath}",
            $"--Tls:KeyPath={pki.ServerKeyPath}",
            $"--Identity:TrustedCaPath={pki.CaCertificatePath}",
            $"--PersonalData:KeyFile={Path.Combine(folder, "personal-data-keys.json")}",
            "--PersonalData:CreateKeyFileIfMissing=true",
            $"--Audit:KeyFile={Path.Combine(folder, "access-log-key")}",
            "--Audit:CreateKeyFileIfMissing=true",
            "--Logging:LogLevel:Default=Warning",
            .. settings.Select(s => "--" + s),
        ];
        var app = await GatewayApplication.BuildAsync(args);
        await app.StartAsync();
        return new GatewayHost(app, pki, databasePath);
    }

    /// <summary>The one address a started host listens on (its port chosen at start).</summary>
    public static Uri ListeningAddress(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    /// <summary>A channel authenticated as the institution with its development certificate, declaring the purpose.</summary>
    public GrpcChannel ChannelFor(string institutionCode, string purpose)
    {
        var channel = GatewayChannel.For(Address, _pki, institutionCode, purpose);
        _channels.Add(channel);
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
