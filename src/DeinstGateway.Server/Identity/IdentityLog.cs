namespace DeinstGateway.Server.Identity;

internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning,
        Message = "Client certificate {Thumbprint} rejected: {Reason}")]
    public static partial void CertificateRejected(ILogger logger, string reason, string thumbprint);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error,
        Message = "Revocation files not reloaded, the previous reading stays in force: {Reason}")]
    public static partial void RevocationReloadFailed(ILogger logger, string reason);
}
