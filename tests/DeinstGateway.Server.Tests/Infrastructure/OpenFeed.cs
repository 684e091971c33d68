using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>
/// A WatchTransfers or WatchCapacity call from the start of the feed, read only for whether it goes
/// on and how it ends: tests of what every feed guarantees run against both.
/// </summary>
public sealed class OpenFeed : IDisposable
{
    private readonly IDisposable _call;
    private readonly Func<CancellationToken, Task<bool>> _moveNext;

    private OpenFeed(IDisposable call, Func<CancellationToken, Task<bool>> moveNext)
    {
        _call = call;
        _moveNext = moveNext;
    }

    public const string Transfers = "WatchTransfers";
    public const string Capacity = "WatchCapacity";

    public static OpenFeed Start(string feed, CallInvoker invoker, CancellationToken cancellationToken)
    {
        if (feed == Transfers)
        {
            var call = new TransferService.TransferServiceClient(invoker).WatchTransfers(new WatchTransfersRequest(), cancellationToken: cancellationToken);
            return new OpenFeed(call, call.ResponseStream.MoveNext);
        }

        var capacity = new CapacityService.CapacityServiceClient(invoker).WatchCapacity(new WatchCapacityRequest(), cancellationToken: cancellationToken);
        return new OpenFeed(capacity, capacity.ResponseStream.MoveNext);
    }

    /// <summary>Whether one more message (a change or a heartbeat) arrived.</summary>
    public Task<bool> MoveNext(CancellationToken cancellationToken) => _moveNext(cancellationToken);

    /// <summary>Reads on until the gateway ends the feed with an error, which it returns.</summary>
    public async Task<RpcException> EndAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _moveNext(cancellationToken))
            {
            }
        }
        catch (RpcException e)
        {
            return e;
        }

        throw new InvalidOperationException("The feed ended without an error.");
    }

    public void Dispose() => _call.Dispose();
}
