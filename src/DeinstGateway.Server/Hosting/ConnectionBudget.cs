using Grpc.Core;

namespace DeinstGateway.Server.Hosting;

/// <summary>
/// The bytes that the streams of one connection hold in unfinished request messages. A stream
/// that would take the connection over its budget is refused (RESOURCE_EXHAUSTED), so many
/// half-sent messages multiplexed on one connection cannot add up without bound.
/// </summary>
internal sealed class ConnectionBudget(long maxBytes)
{
    private long _held;

    /// <summary>Calls of the connection in progress; guarded by <see cref="ConnectionBudgets"/>.</summary>
    public int Calls { get; set; }

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

/// <summary>
/// The budgets of the connections with calls in progress, by connection id (shared by the streams
/// of one HTTP/2 connection); a budget lives while its connection has a call.
/// </summary>
internal sealed class ConnectionBudgets(long maxBytesPerConnection)
{
    private readonly Dictionary<string, ConnectionBudget> _open = new(StringComparer.Ordinal);

    public ConnectionBudget Enter(string connectionId)
    {
        lock (_open)
        {
            if (!_open.TryGetValue(connectionId, out var budget))
            {
                budget = new ConnectionBudget(maxBytesPerConnection);
                _open[connectionId] = budget;
            }

            budget.Calls++;
            return budget;
        }
    }

    public void Leave(string connectionId, ConnectionBudget budget)
    {
        lock (_open)
        {
            if (--budget.Calls == 0)
            {
                _open.Remove(connectionId);
            }
        }
    }
}
