namespace DeinstGateway.Server.Registry;

internal static partial class RegistryLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "The registry could not be read again ({Exception}); the snapshot in force stays until the next refresh")]
    public static partial void RefreshFailed(ILogger logger, string exception, Exception error);
}
