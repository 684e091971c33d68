using Grpc.Core;
using Microsoft.AspNetCore.Connections.Features;

namespace DeinstGateway.Server.Hosting;

/// <summary>
/// The bytes that the streams of one connection hold in unfinished request messages. A stream
/// that would take the connection over its budget is refused (RESOURCE_EXHAUSTED), so many
/// half-sent messages multiplexed on one connection cannot add up without bound.
/// </summary>
internal sealed class ConnectionBudget(long maxBytes)
{
    private long _held;

    /// <summary>The budget of the call's connection, created by its first call that needs one.</summary>
    public static ConnectionBudget Of(HttpContext context, long maxBytes)
    {
        // Kestrel shares one item dictionary between the streams of an HTTP/2 connection, and
        // they run concurrently: the dictionary itself is the lock.
        var items = context.Features.Get<IConnectionItemsFeature>()?.Items
            ?? throw new InvalidOperationException("The server gives no per-connection items; the connection budget needs them.");
        lock (items)
        {
            if (items.TryGetValue(typeof(ConnectionBudget), out var existing))
            {
                return (ConnectionBudget)existing!;
            }

            var budget = new ConnectionBudget(maxBytes);
            items[typeof(ConnectionBudget)] = budget;
            return budget;
        }
    }

    public void Reserve(int bytes)
    {
        if (Interlocked.Add(ref _held, bytes) > maxBytes)
        {
            Interlocked.Add(ref _held, -bytes);
            throw new RpcException(new Status(
                StatusCode.ResourceExhausted,
                $"The connection holds more than {maxBytes} bytes of unfinished request messages; finish or cancel some calls first."));
        }
    }

    public void Release(int bytes) => Interlocked.Add(ref _held, -bytes);
}
