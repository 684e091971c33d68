using DeinstGateway.Core.Errors;

namespace DeinstGateway.Core.Feeds;

/// <summary>
/// The latest committed sequence of one feed as this process knows it, shared by every open feed
/// of that kind. <typeparamref name="T"/> names the feed's items, so that each feed has its own.
/// </summary>
public interface IFeedHead<T>
{
    long Latest { get; }

    /// <summary>
    /// Returns once <see cref="Latest"/> is beyond <paramref name="sequence"/>, or after <paramref name="maxWait"/>;
    /// throws <see cref="GatewayStoppingException"/> once the process is stopping.
    /// </summary>
    Task WaitBeyondAsync(long sequence, TimeSpan maxWait, CancellationToken cancellationToken);
}

/// <summary>
/// One watcher per process moves the head on; every feed waiting on it wakes at once and reads its
/// own page. A feed with nothing to send therefore costs no look at the database of its own.
/// </summary>
public sealed class FeedHead<T>(TimeProvider time) : IFeedHead<T>
{
    private long _latest;
    private volatile bool _stopped;
    private TaskCompletionSource _moved = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Latest => Volatile.Read(ref _latest);

    /// <summary>Called by the one watcher only; a sequence not beyond the head changes nothing.</summary>
    public void MoveTo(long sequence)
    {
        if (sequence <= Latest)
        {
            return;
        }

        // The head moves before the waiters wake, so none of them reads the old value.
        Volatile.Write(ref _latest, sequence);
        Interlocked.Exchange(ref _moved, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>
    /// The process is stopping: every feed is woken and, once it has sent what it has read, ends
    /// instead of waiting, so that no open feed holds the shutdown up.
    /// </summary>
    public void Stop()
    {
        _stopped = true;
        Interlocked.Exchange(ref _moved, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public async Task WaitBeyondAsync(long sequence, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        // Taken before the head is read: a move between the two completes this very task.
        var moved = Volatile.Read(ref _moved).Task;
        if (Latest > sequence)
        {
            return;
        }

        ThrowIfStopped();
        // The wait ends in a timeout at every heartbeat; that is no failure worth an exception.
        await moved.WaitAsync(maxWait, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfStopped();
    }

    private void ThrowIfStopped()
    {
        if (_stopped)
        {
            throw new GatewayStoppingException(
                "This gateway process is stopping; resume the feed on another one with after_sequence set to the last sequence received.");
        }
    }
}
