namespace DeinstGateway.Server.Registry;

/// <summary>The <c>Registry</c> configuration section (the reference-data path is read by persistence).</summary>
public sealed class RegistryOptions
{
    public const string Section = "Registry";

    /// <summary>How often the registry snapshot is read again, to take in reference data another replica loaded.</summary>
    public int RefreshSeconds { get; set; } = 10;

    public TimeSpan RefreshInterval => TimeSpan.FromSeconds(RefreshSeconds);

    public static RegistryOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<RegistryOptions>() ?? new RegistryOptions();
        return options.RefreshSeconds > 0
            ? options
            : throw new InvalidOperationException($"{Section}:{nameof(RefreshSeconds)} must be a positive whole number, not {options.RefreshSeconds}.");
    }
}
