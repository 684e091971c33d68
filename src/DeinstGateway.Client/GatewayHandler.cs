using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace DeinstGateway.Client;

/// <summary>The HTTP/2 handler under every channel: the institution's certificate, and trust in the gateway's CA alone.</summary>
public static class GatewayHandler
{
    public static SocketsHttpHandler Create(GatewayConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var certificate = LoadCertificate(connection.CertificatePath, connection.KeyPath);
        var authority = X509CertificateLoader.LoadCertificateFromFile(connection.CaPath);
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                // The machine's store is not consulted: a server certificate from any other CA,
                // however trusted elsewhere, is not the gateway.
                CertificateChainPolicy = new X509ChainPolicy
                {
                    TrustMode = X509ChainTrustMode.CustomRootTrust,
                    CustomTrustStore = { authority },
                    RevocationMode = X509RevocationMode.NoCheck,
                },
                // Offline: the certificate is offered as it is, whatever CA names the server lists.
                ClientCertificateContext = SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true),
            },
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
    }

    /// <summary>
    /// A PEM certificate with its key, re-imported so that TLS can use the key on every platform
    /// (Windows refuses the ephemeral key PEM loading gives).
    /// </summary>
    public static X509Certificate2 LoadCertificate(string certificatePath, string keyPath)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
    }
}
