namespace DeinstGateway.Server.Hosting;

internal static partial class ServerLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "DeinstGateway listening on {Addresses}")]
    public static partial void Listening(ILogger logger, string addresses);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information,
        Message = "Development certificates: CA and server certificate in {Folder}, one client certificate and key per institution in {ClientsFolder}")]
    public static partial void DevelopmentCertificates(ILogger logger, string folder, string clientsFolder);
}
