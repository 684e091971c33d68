namespace DeinstGateway.Server.Identity;

internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning,
        Message = "Client certificate {Thumbprint} rejected: {Reason}")]
    public static partial void CertificateRejected(ILogger logger, string reason, string thumbprint);
}
