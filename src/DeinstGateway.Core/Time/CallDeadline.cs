using DeinstGateway.Core.Errors;

namespace DeinstGateway.Core.Time;

/// <summary>
/// The instant after which the caller of the call being served no longer waits for it: one per
/// call's scope, set by the edge as the call starts. Work no caller waits on (start-up, the
/// access log's group commit, background jobs) runs in scopes of its own, which have none. Writes
/// check it against the clock immediately before they commit, not only through the call's
/// cancellation: the cancellation that the deadline causes (the server's timer, the client's
/// reset) can reach a loaded machine's call late, after its caller was told the call failed.
/// </summary>
public sealed class CallDeadline(TimeProvider time)
{
    private DateTimeOffset _deadline = DateTimeOffset.MaxValue;

    public void Set(DateTimeOffset deadline) => _deadline = deadline;

    public bool HasPassed => time.GetUtcNow() >= _deadline;

    /// <summary>Immediately before a write commits; the write is rolled back if this throws.</summary>
    /// <exception cref="DeadlinePassedException">The deadline has passed.</exception>
    public void ThrowIfPassed()
    {
        if (HasPassed)
        {
            throw new DeadlinePassedException("The call's deadline passed before its write was committed; nothing was written.");
        }
    }
}
