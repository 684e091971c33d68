using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using DeinstGateway.Server.Access;
using Grpc.Core;
using Grpc.Net.Client;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>
/// A channel to a gateway authenticated as an institution with its development certificate,
/// trusting only the development CA for the server, as an institution trusts the gateway's CA.
/// Used by the in-process client and by the <c>transfers-client</c> process alike.
/// </summary>
public static class GatewayChannel
{
    /// <param name="purpose">Declared on every call, as an institution system working for one purpose does.</param>
    public static GrpcChannel For(Uri address, DevelopmentPki pki, string institutionCode, string purpose)
    {
        var clientCertificate = pki.ClientCertificate(institutionCode);
        var ssl = new SslClientAuthenticationOptions
        {
            CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                CustomTrustStore = { X509CertificateLoader.LoadCertificateFromFile(pki.CaCertificatePath) },
                RevocationMode = X509RevocationMode.NoCheck,
            },
            LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate,
        };
        var handler = new SocketsHttpHandler { SslOptions = ssl, EnableMultipleHttp2Connections = true };
        var declarePurpose = CallCredentials.FromInterceptor((_, headers) =>
        {
            headers.Add(AccessControlInterceptor.PurposeHeader, purpose);
            return Task.CompletedTask;
        });
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            Credentials = ChannelCredentials.Create(ChannelCredentials.SecureSsl, declarePurpose),
        });
    }
}
