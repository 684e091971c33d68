using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>A TLS connection to the gateway with an institution's certificate, for requests written byte by byte.</summary>
public static class RawTls
{
    public static async Task<SslStream> ConnectAsync(Uri address, X509Certificate2 certificate, SslApplicationProtocol protocol)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        var options = GatewayProcess.TlsWith(certificate);
        options.TargetHost = "localhost";
        options.ApplicationProtocols = [protocol];
        await tls.AuthenticateAsClientAsync(options);
        return tls;
    }
}
