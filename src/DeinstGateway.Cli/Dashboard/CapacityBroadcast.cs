using System.Collections.Concurrent;
using System.Threading.Channels;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Cli.Dashboard;

/// <summary>
/// One WatchCapacity feed for the whole dashboard, passed on to every open page. A dropped feed
/// is resumed after the last sequence received, so no change is lost while the page stays open.
/// </summary>
public sealed class CapacityBroadcast(CapacityService.CapacityServiceClient capacity) : IAsyncDisposable
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<Guid, Channel<CapacityRowChanged>> _pages = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _feed;

    public void Start() => _feed = FollowAsync(_stop.Token);

    /// <summary>The changes from now on, until the page goes away.</summary>
    public async IAsyncEnumerable<CapacityRowChanged> SubscribeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var changes = Channel.CreateBounded<CapacityRowChanged>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });
        _pages[id] = changes;
        try
        {
            await foreach (var change in changes.Reader.ReadAllAsync(cancellationToken))
            {
                yield return change;
            }
        }
        finally
        {
            _pages.TryRemove(id, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_feed is not null)
        {
            await _feed;
        }

        _stop.Dispose();
    }

    private async Task FollowAsync(CancellationToken stop)
    {
        long after = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var call = capacity.WatchCapacity(new WatchCapacityRequest { AfterSequence = after }, cancellationToken: stop);
                await foreach (var message in call.ResponseStream.ReadAllAsync(stop))
                {
                    if (message.KindCase == CapacityEvent.KindOneofCase.Row)
                    {
                        after = message.Row.Sequence;
                        foreach (var page in _pages.Values)
                        {
                            page.Writer.TryWrite(message.Row);
                        }
                    }
                    else
                    {
                        after = Math.Max(after, message.Heartbeat.Sequence);
                    }
                }
            }
            catch (RpcException) when (!stop.IsCancellationRequested)
            {
                // The gateway restarted or the network dropped: resume after a pause.
            }
            catch (Exception e) when (stop.IsCancellationRequested && e is OperationCanceledException or RpcException)
            {
                return;
            }

            try
            {
                await Task.Delay(RetryPause, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
