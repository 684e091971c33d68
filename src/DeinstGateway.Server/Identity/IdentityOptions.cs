namespace DeinstGateway.Server.Identity;

/// <summary>The <c>Identity</c> configuration section.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>PEM file with the CA certificate(s) that issue institutions' client certificates.</summary>
    public string TrustedCaPath { get; set; } = string.Empty;

    /// <summary>How long a checked certificate's identity is reused before it is checked again.</summary>
    public int CacheSeconds { get; set; } = 60;
}
