namespace DeinstGateway.Server.Feeds;

internal static partial class FeedsLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "The feed watcher could not read the latest changes ({Exception}); it tries again at the next poll")]
    public static partial void WatchFailed(ILogger logger, string exception, Exception error);
}
