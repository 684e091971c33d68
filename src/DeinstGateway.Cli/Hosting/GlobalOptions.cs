using System.CommandLine;

namespace DeinstGateway.Cli.Hosting;

/// <summary>The options every command takes; each may also come from an environment variable or the profile.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Gateway = new("--gateway")
    {
        Description = "The gateway's address, e.g. https://deinst.example.lv:5443 (or DEINST_GATEWAY, or the profile).",
        Recursive = true,
    };

    public static readonly Option<string?> Cert = new("--cert")
    {
        Description = "Your institution's certificate file (PEM) (or DEINST_CERT, or the profile).",
        Recursive = true,
    };

    public static readonly Option<string?> Key = new("--key")
    {
        Description = "The private key of that certificate (PEM) (or DEINST_KEY, or the profile).",
        Recursive = true,
    };

    public static readonly Option<string?> Ca = new("--ca")
    {
        Description = "The gateway's CA certificate (PEM): only a gateway it issued is trusted (or DEINST_CA, or the profile).",
        Recursive = true,
    };

    public static readonly Option<string?> Purpose = new("--purpose")
    {
        Description = "Why you work with personal data: transfer-handover, service-delivery, support-planning, supervision or data-subject-request (or DEINST_PURPOSE, or the profile). Commands that need one choose their usual purpose when none is set.",
        Recursive = true,
    };

    public static readonly Option<string?> Output = new("--output", "-o")
    {
        Description = "How results are shown: table (default), json or csv (or DEINST_OUTPUT, or the profile).",
        Recursive = true,
    };

    public static readonly Option<string?> Profile = new("--profile")
    {
        Description = "The profile file to use (or DEINST_PROFILE); by default profile.json in your deinst settings folder.",
        Recursive = true,
    };

    public static IEnumerable<Option> All => [Gateway, Cert, Key, Ca, Purpose, Output, Profile];
}
