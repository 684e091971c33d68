using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>
/// A loopback HTTP endpoint that counts every connection made to it and answers 404 at once, so a
/// URL planted in a certificate shows whether the gateway reaches out to it.
/// </summary>
public sealed class ConnectionTrap : IDisposable
{
    private static readonly byte[] NotFound =
        Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    public ConnectionTrap()
    {
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/ca.crt";
        _accepting = AcceptAsync();
    }

    public string Url { get; }

    public int Connections => Volatile.Read(ref _connections);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _accepting.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            var stream = client.GetStream();
            // The request is not needed, only that one came; the answer is the same for all.
            _ = await stream.ReadAsync(new byte[4096], _stop.Token);
            await stream.WriteAsync(NotFound, _stop.Token);
        }
    }
}
