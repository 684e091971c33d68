namespace DeinstGateway.Server.Hosting;

/// <summary>The <c>Gateway</c> configuration section: the host's deliberate limits and its calendar.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>The time zone in which "today" is reckoned for validity dates.</summary>
    public string TimeZone { get; set; } = "Europe/Riga";

    public int MaxReceiveMessageBytes { get; set; } = 4 * 1024 * 1024;

    public int MaxSendMessageBytes { get; set; } = 4 * 1024 * 1024;

    public int MaxConcurrentStreamsPerConnection { get; set; } = 100;
}

/// <summary>The <c>Tls</c> configuration section: the server's own certificate (PEM).</summary>
public sealed class TlsOptions
{
    public const string Section = "Tls";

    public string CertificatePath { get; set; } = string.Empty;

    public string KeyPath { get; set; } = string.Empty;
}
