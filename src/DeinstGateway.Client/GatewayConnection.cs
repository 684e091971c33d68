namespace DeinstGateway.Client;

/// <summary>
/// Where the gateway is and who calls it: the institution's certificate and key (PEM), the
/// gateway's CA (PEM), and the purpose the institution declares on calls that carry personal data.
/// </summary>
public sealed record GatewayConnection
{
    /// <summary>The request header that declares why a call reads or writes personal data.</summary>
    public const string PurposeHeader = "x-deinst-purpose";

    public required Uri Address { get; init; }

    public required string CertificatePath { get; init; }

    public required string KeyPath { get; init; }

    /// <summary>The only CA the gateway's server certificate may chain to.</summary>
    public required string CaPath { get; init; }

    /// <summary>One of the gateway's purposes (e.g. <c>transfer-handover</c>); null declares none.</summary>
    public string? Purpose { get; init; }
}
