using Grpc.Core;

namespace DeinstGateway.Server.Limits;

/// <summary>
/// A request stream that ends, as if the client had closed it, at the first message over the cap,
/// when the client has sent nothing for the idle time, or when the process begins to stop. The
/// service then finishes what it received (every batch whole), and the interceptor fails the call
/// with <see cref="Cut"/>.
/// </summary>
public sealed class LimitedStreamReader<T> : IAsyncStreamReader<T>, IDisposable
{
    private readonly IAsyncStreamReader<T> _inner;
    private readonly LimitsOptions _options;
    private readonly CancellationToken _callCancelled;
    private readonly CancellationToken _stopping;
    private readonly CancellationTokenSource _idle;
    private readonly TimeSpan _idleTimeout;
    private long _received;

    public LimitedStreamReader(IAsyncStreamReader<T> inner, LimitsOptions options, CancellationToken callCancelled, CancellationToken stopping)
    {
        _inner = inner;
        _options = options;
        _callCancelled = callCancelled;
        _stopping = stopping;
        // A read waiting for the client is cut by the idle timer or by the process stopping.
        _idle = CancellationTokenSource.CreateLinkedTokenSource(callCancelled, stopping);
        _idleTimeout = TimeSpan.FromSeconds(options.StreamIdleSeconds);
    }

    public T Current => _inner.Current;

    /// <summary>Why the stream was ended early, if it was.</summary>
    public RpcException? Cut { get; private set; }

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (Cut is not null)
        {
            return false;
        }

        if (_stopping.IsCancellationRequested)
        {
            Cut = LimitErrors.Stopping();
            return false;
        }

        // Services read with the call's own token; another token needs a source of its own.
        using var other = cancellationToken == _callCancelled || !cancellationToken.CanBeCanceled
            ? null
            : CancellationTokenSource.CreateLinkedTokenSource(_idle.Token, cancellationToken);
        bool moved;
        var armed = false;
        try
        {
            var next = _inner.MoveNext(other?.Token ?? _idle.Token);
            // Only a read that waits for the client arms the idle timer: buffered messages cost no timer change.
            if (!next.IsCompleted)
            {
                _idle.CancelAfter(_idleTimeout);
                armed = true;
            }

            moved = await next;
        }
        catch (Exception) when (_idle.IsCancellationRequested && !_callCancelled.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Cut = _stopping.IsCancellationRequested ? LimitErrors.Stopping() : LimitErrors.Idle(_options.StreamIdleSeconds);
            return false;
        }
        finally
        {
            // The time the service spends on a message is not the client's idle time.
            if (armed && !_idle.IsCancellationRequested)
            {
                _idle.CancelAfter(Timeout.InfiniteTimeSpan);
            }
        }

        if (moved && (_received += Items(_inner.Current)) > _options.MaxMessagesPerStream)
        {
            Cut = LimitErrors.TooManyMessages(_options.MaxMessagesPerStream);
            return false;
        }

        return moved;
    }

    public void Dispose() => _idle.Dispose();

    // A message of RecordServiceBatches counts as the records it carries: the limit bounds the
    // work a stream may ask for, however the records are packed.
    private static int Items(T message) => message is Deinst.V1.RecordServiceBatch batch ? Math.Max(1, batch.Records.Count) : 1;
}
