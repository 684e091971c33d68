using System.Security.Cryptography.X509Certificates;
using DeinstGateway.Server.Hosting;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace DeinstGateway.Server.Health;

/// <summary>
/// <c>check-health [--Key=value …]</c>: asks the gateway running with the same configuration, on
/// this machine, for its health, as a container's health check does (the image has no other gRPC
/// client). Exit code 0 when SERVING, 1 otherwise. Only the gateway's own server certificate is
/// accepted: the probe never talks to anything else.
/// </summary>
public static class CheckHealthCommand
{
    public const string Name = "check-health";

    private static readonly string[] AnyHost = ["://+:", "://*:", "://0.0.0.0:", "://[::]:"];

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var configuration = GatewayApplication.CreateBuilder(args[1..]).Configuration;
        var tls = configuration.GetSection(TlsOptions.Section).Get<TlsOptions>() ?? new TlsOptions();
        try
        {
            using var own = X509Certificate2.CreateFromPem(File.ReadAllText(tls.CertificatePath));
            var handler = new SocketsHttpHandler();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetCertHash().AsSpan().SequenceEqual(own.GetCertHash());
            using var channel = GrpcChannel.ForAddress(LocalAddress(configuration["Urls"]), new GrpcChannelOptions { HttpHandler = handler });
            var reply = await new Grpc.Health.V1.Health.HealthClient(channel)
                .CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
            await output.WriteLineAsync(reply.Status.ToString());
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? 0 : 1;
        }
        catch (Exception e) when (e is RpcException or IOException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            await output.WriteLineAsync($"Unhealthy: {e.Message}");
            return 1;
        }
    }

    /// <summary>The first configured address, with a listen-on-every-interface host as localhost.</summary>
    private static string LocalAddress(string? urls)
    {
        var first = (urls ?? "https://localhost:5443").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        return AnyHost.Aggregate(first, (address, any) => address.Replace(any, "://localhost:", StringComparison.Ordinal));
    }
}
