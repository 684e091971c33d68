namespace DeinstGateway.Server.Errors;

internal static partial class ErrorLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Unexpected {ExceptionType} in {Method}")]
    public static partial void Unexpected(ILogger logger, string exceptionType, string method, Exception exception);
}
