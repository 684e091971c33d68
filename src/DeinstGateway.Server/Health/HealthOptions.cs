namespace DeinstGateway.Server.Health;

/// <summary>The <c>Health</c> configuration section.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>How often the database is read for the health answer; probes get the latest reading.</summary>
    public int RefreshSeconds { get; set; } = 5;

    public TimeSpan RefreshInterval => TimeSpan.FromSeconds(RefreshSeconds);

    public static HealthOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<HealthOptions>() ?? new HealthOptions();
        return options.RefreshSeconds > 0
            ? options
            : throw new InvalidOperationException($"{Section}:{nameof(RefreshSeconds)} must be a positive whole number, not {options.RefreshSeconds}.");
    }
}
