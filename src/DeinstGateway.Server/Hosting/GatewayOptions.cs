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

    /// <summary>Open connections Kestrel accepts at once; one more is closed as soon as it is accepted.</summary>
    public int MaxConcurrentConnections { get; set; } = 1000;

    /// <summary>
    /// Bytes of unfinished request messages (and their decompressed form) that the streams of one
    /// connection may hold at once. It must fit a largest message twice: compressed and decompressed.
    /// </summary>
    public int MaxBufferedBytesPerConnection { get; set; } = 16 * 1024 * 1024;

    /// <summary>Calls without a client certificate (health probes) in progress at once, over all connections.</summary>
    public int MaxAnonymousCalls { get; set; } = 100;

    /// <summary>
    /// How long a stopping process waits for calls still open before it ends them. Feeds and
    /// request streams end themselves as soon as the process begins to stop, so only unary calls
    /// in progress are waited for.
    /// </summary>
    public int ShutdownTimeoutSeconds { get; set; } = 5;

    /// <summary>Settings that could not work fail at start instead of refusing every call.</summary>
    public GatewayOptions Validated()
    {
        foreach (var (name, value) in new[]
        {
            (nameof(MaxReceiveMessageBytes), MaxReceiveMessageBytes),
            (nameof(MaxConcurrentStreamsPerConnection), MaxConcurrentStreamsPerConnection),
            (nameof(MaxConcurrentConnections), MaxConcurrentConnections),
            (nameof(MaxAnonymousCalls), MaxAnonymousCalls),
            (nameof(ShutdownTimeoutSeconds), ShutdownTimeoutSeconds),
        })
        {
            if (value <= 0)
            {
                throw new InvalidOperationException($"{Section}:{name} must be a positive whole number, not {value}.");
            }
        }

        if (MaxBufferedBytesPerConnection < 2L * MaxReceiveMessageBytes)
        {
            throw new InvalidOperationException(
                $"{Section}:{nameof(MaxBufferedBytesPerConnection)} ({MaxBufferedBytesPerConnection}) must be at least twice " +
                $"{Section}:{nameof(MaxReceiveMessageBytes)} ({MaxReceiveMessageBytes}): a largest message is held compressed and decompressed.");
        }

        return this;
    }

    public static GatewayOptions From(IConfiguration configuration) =>
        (configuration.GetSection(Section).Get<GatewayOptions>() ?? new GatewayOptions()).Validated();
}

/// <summary>The <c>Tls</c> configuration section: the server's own certificate (PEM).</summary>
public sealed class TlsOptions
{
    public const string Section = "Tls";

    public string CertificatePath { get; set; } = string.Empty;

    public string KeyPath { get; set; } = string.Empty;
}
