namespace DeinstGateway.Server.Limits;

internal static partial class LimitsLog
{
    // Debug: a client over its rate would otherwise write a log line for every refused call.
    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug, Message = "Refused a call to {Method} by {Institution}: over its call rate")]
    public static partial void RateLimited(ILogger logger, string institution, string method);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Ended a stream to {Method} by {Institution}: {Reason}")]
    public static partial void StreamEnded(ILogger logger, string institution, string method, string reason);

    // Debug for the same reason as the call rate: a client retrying in a loop writes a line per refusal.
    [LoggerMessage(EventId = 6003, Level = LogLevel.Debug, Message = "Refused a feed {Method} to {Institution}: it has the most feeds open")]
    public static partial void FeedRefused(ILogger logger, string institution, string method);
}
