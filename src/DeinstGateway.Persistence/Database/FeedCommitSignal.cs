namespace DeinstGateway.Persistence.Database;

/// <summary>
/// Wakes this process's feed readers as soon as it commits a change that feeds carry. Other
/// processes' commits are found by the readers' periodic look at the database.
/// </summary>
internal sealed class FeedCommitSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Pulse() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async Task WaitAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        try
        {
            await Volatile.Read(ref _next).Task.WaitAsync(maxWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Time for a look at the database anyway.
        }
    }
}
