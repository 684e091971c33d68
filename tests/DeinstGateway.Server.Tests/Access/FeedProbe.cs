using Grpc.Core;

namespace DeinstGateway.Server.Tests.Access;

/// <summary>Reads a feed from its start just far enough to tell whether a record is in the caller's view.</summary>
public static class FeedProbe
{
    /// <summary>A stuck feed fails the cell with DEADLINE_EXCEEDED instead of hanging the class.</summary>
    public static DateTime Deadline => DateTime.UtcNow.AddSeconds(10);

    /// <summary>
    /// True when the target arrives before the first heartbeat. The feed sends its backlog first and
    /// a heartbeat only once it has nothing more, so a target not seen by then is not in the view.
    /// </summary>
    public static async Task<bool> ReachesBeforeIdleAsync<T>(AsyncServerStreamingCall<T> call, Func<T, bool> isTarget, Func<T, bool> isHeartbeat)
    {
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            if (isTarget(call.ResponseStream.Current))
            {
                return true;
            }

            if (isHeartbeat(call.ResponseStream.Current))
            {
                return false;
            }
        }

        return false;
    }
}
