using System.CommandLine;
using DeinstGateway.Cli.Hosting;
using Spectre.Console;

namespace DeinstGateway.Cli.Commands;

/// <summary><c>deinst profile save|show</c>: settings set once for every later command.</summary>
public static class ProfileCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var save = new Command(
            "save",
            "Saves the settings given now (--gateway, --cert, --key, --ca, --purpose, --output) in your profile, so that later commands need none of them.");
        save.WithAction(environment, (parse, _) =>
        {
            var settings = Settings.Resolve(parse, environment);
            var profile = settings.Profile with
            {
                Gateway = settings.Gateway,
                Cert = FullPath(settings.Cert),
                Key = FullPath(settings.Key),
                Ca = FullPath(settings.Ca),
                Purpose = settings.Purpose,
                Output = parse.GetValue(GlobalOptions.Output) ?? settings.Profile.Output,
            };
            profile.Save(settings.ProfilePath);
            environment.Error.MarkupLineInterpolated($"Saved in {settings.ProfilePath}.");
            return Task.FromResult(ExitCodes.Ok);
        });

        var show = new Command("show", "Shows the settings in force and where each comes from.");
        show.WithAction(environment, (parse, _) =>
        {
            var settings = Settings.Resolve(parse, environment);
            var table = new Table().AddColumn("setting").AddColumn("value");
            table.AddRow("profile file", Markup.Escape(settings.ProfilePath));
            foreach (var (name, value) in new[]
            {
                ("gateway", settings.Gateway), ("cert", settings.Cert), ("key", settings.Key), ("ca", settings.Ca), ("purpose", settings.Purpose),
                ("output", settings.Output.ToString().ToLowerInvariant()),
                ("last transfer change watched", settings.Profile.LastTransferSequence?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            })
            {
                table.AddRow(name, Markup.Escape(value ?? "(not set)"));
            }

            environment.Out.Write(table);
            return Task.FromResult(ExitCodes.Ok);
        });

        return new Command("profile", "Your saved settings: the gateway's address, your certificate and key, the gateway's CA, your usual purpose.") { save, show };
    }

    private static string? FullPath(string? path) => path is null ? null : Path.GetFullPath(path);
}
