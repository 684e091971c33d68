using System.CommandLine;

namespace DeinstGateway.Cli.Hosting;

public enum OutputFormat
{
    Table,
    Json,
    Csv,
}

/// <summary>The settings in force: the command line wins over the environment, which wins over the profile.</summary>
public sealed record Settings(
    string ProfilePath, UserProfile Profile, string? Gateway, string? Cert, string? Key, string? Ca, string? Purpose, OutputFormat Output)
{
    public static Settings Resolve(ParseResult parse, CliEnvironment environment)
    {
        var profilePath = parse.GetValue(GlobalOptions.Profile) ?? environment.Variable("DEINST_PROFILE") ?? DefaultProfilePath();
        var profile = UserProfile.Load(profilePath);
        string? Pick(Option<string?> option, string variable, string? fromProfile) =>
            parse.GetValue(option) ?? NonEmpty(environment.Variable(variable)) ?? fromProfile;

        var output = Pick(GlobalOptions.Output, "DEINST_OUTPUT", profile.Output) ?? "table";
        return new Settings(
            profilePath,
            profile,
            Pick(GlobalOptions.Gateway, "DEINST_GATEWAY", profile.Gateway),
            Pick(GlobalOptions.Cert, "DEINST_CERT", profile.Cert),
            Pick(GlobalOptions.Key, "DEINST_KEY", profile.Key),
            Pick(GlobalOptions.Ca, "DEINST_CA", profile.Ca),
            Pick(GlobalOptions.Purpose, "DEINST_PURPOSE", profile.Purpose),
            Enum.TryParse<OutputFormat>(output, ignoreCase: true, out var format) && !int.TryParse(output, out _)
                ? format
                : throw new UsageException($"--output must be table, json or csv, not \"{output}\"."));
    }

    public static string DefaultProfilePath() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "deinst", "profile.json");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
