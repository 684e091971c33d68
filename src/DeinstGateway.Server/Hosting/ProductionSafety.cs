using DeinstGateway.Server.Identity;

namespace DeinstGateway.Server.Hosting;

/// <summary>
/// Settings that are conveniences of development and a danger in production: a gateway in the
/// <c>Production</c> environment refuses to start with any of them, naming each.
/// </summary>
public static class ProductionSafety
{
    public static WebApplicationBuilder RefuseUnsafeProductionSettings(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsProduction())
        {
            return builder;
        }

        // Every setting of the CreateIfMissing family, also ones added later: in production a
        // missing key or certificate is an error to fix, never a new secret to make up silently.
        var problems = builder.Configuration.AsEnumerable()
            .Where(setting => CreatesWhatIsMissing(setting.Key) && bool.TryParse(setting.Value, out var on) && on)
            .Select(setting => $"{setting.Key} is true: in production keys and certificates are provided, never created")
            .Order(StringComparer.Ordinal)
            .ToList();
        var identity = builder.Configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>() ?? new IdentityOptions();
        if (!string.IsNullOrWhiteSpace(identity.TrustedCaPath))
        {
            problems.AddRange(TrustedAuthorities.ReadableCaKeyFiles(identity).Select(file =>
                $"the gateway can read the CA private key in '{file}': keep the CA's key where the gateway's user cannot read it"));
        }

        return problems.Count == 0
            ? builder
            : throw new InvalidOperationException("The Production environment refuses to start: " + string.Join("; ", problems) + ".");
    }

    private static bool CreatesWhatIsMissing(string key)
    {
        var name = key[(key.LastIndexOf(':') + 1)..];
        return name.StartsWith("Create", StringComparison.OrdinalIgnoreCase) && name.EndsWith("IfMissing", StringComparison.OrdinalIgnoreCase);
    }
}
