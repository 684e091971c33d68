using DeinstGateway.Core.Feeds;

namespace DeinstGateway.Persistence.Database;

/// <summary>
/// Tells the feed watcher as soon as this process commits a change that feeds carry. Other
/// processes' commits are found by the watcher's periodic look at the database.
/// </summary>
internal sealed class FeedCommitSignal : IFeedCommits
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
