namespace DeinstGateway.Server.Identity;

/// <summary>The <c>Identity</c> configuration section.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>PEM file with the CA certificate(s) that issue institutions' client certificates.</summary>
    public string TrustedCaPath { get; set; } = string.Empty;

    /// <summary>PEM bundle of intermediate CA certificates between the trusted CA and client certificates.</summary>
    public string IntermediatesPath { get; set; } = string.Empty;

    /// <summary>A CRL (PEM or DER) issued by the trusted CA or a configured intermediate.</summary>
    public string RevocationListPath { get; set; } = string.Empty;

    /// <summary>A text file of revoked certificates' serial numbers or SHA-256 thumbprints, one a line.</summary>
    public string DenyListPath { get; set; } = string.Empty;

    /// <summary>How long a checked certificate's identity is reused before it is checked again.</summary>
    public int CacheSeconds { get; set; } = 60;

    /// <summary>Most certificates whose identity is kept at once.</summary>
    public int CacheEntries { get; set; } = 10_000;

    public IdentityOptions Validated() => CacheEntries > 0 && CacheSeconds >= 0
        ? this
        : throw new InvalidOperationException(
            "Identity:CacheEntries must be positive and Identity:CacheSeconds zero or more.");
}
