using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace DeinstGateway.Server.Hosting;

public static class GatewayKestrel
{
    /// <summary>
    /// HTTP/2 (gRPC and REST/JSON) and HTTP/1.1 (REST/JSON) over TLS with the configured server
    /// certificate, on one endpoint. Kestrel asks every client for a certificate but accepts the
    /// handshake with any: the authentication handler checks it, so a rejected caller gets
    /// UNAUTHENTICATED with a reason instead of a bare TLS failure.
    /// </summary>
    public static WebApplicationBuilder AddGatewayKestrel(this WebApplicationBuilder builder)
    {
        var gateway = GatewayOptions.From(builder.Configuration);
        var tls = builder.Configuration.GetSection(TlsOptions.Section).Get<TlsOptions>() ?? new TlsOptions();
        var certificate = LoadServerCertificate(tls);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.Http2.MaxStreamsPerConnection = gateway.MaxConcurrentStreamsPerConnection;
            kestrel.Limits.MaxConcurrentConnections = gateway.MaxConcurrentConnections;
            kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http1AndHttp2);
            kestrel.ConfigureHttpsDefaults(https =>
            {
                https.ServerCertificate = certificate;
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                https.AllowAnyClientCertificate();
                // The handshake still builds the client's chain, only to throw it away: built by
                // default it would fetch the issuer and revocation URLs the certificate names.
                https.CheckCertificateRevocation = false;
                https.OnAuthenticate = (_, ssl) => ssl.CertificateChainPolicy = new X509ChainPolicy
                {
                    TrustMode = X509ChainTrustMode.CustomRootTrust,
                    DisableCertificateDownloads = true,
                    RevocationMode = X509RevocationMode.NoCheck,
                };
            });
        });
        return builder;
    }

    private static X509Certificate2 LoadServerCertificate(TlsOptions tls)
    {
        if (string.IsNullOrWhiteSpace(tls.CertificatePath) || string.IsNullOrWhiteSpace(tls.KeyPath))
        {
            throw new InvalidOperationException(
                "No server certificate is configured: set Tls:CertificatePath and Tls:KeyPath (PEM files), " +
                "or run in the Development environment, which creates development certificates.");
        }

        try
        {
            return X509Certificate2.CreateFromPemFile(Path.GetFullPath(tls.CertificatePath), Path.GetFullPath(tls.KeyPath));
        }
        catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException(
                $"The server certificate '{tls.CertificatePath}' with key '{tls.KeyPath}' cannot be loaded: {e.Message}", e);
        }
    }
}
