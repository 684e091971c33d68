using Spectre.Console;
using System.CommandLine;
using DeinstGateway.Cli.Commands;
using DeinstGateway.Cli.Hosting;

namespace DeinstGateway.Cli;

/// <summary>The <c>deinst</c> command line: parses, runs one command, answers with a documented exit code.</summary>
public static class DeinstCli
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand(
            "deinst works with the DeinstGateway for your institution: send and follow transfers of residents, record delivered services, "
            + "see and declare community places, find clients and see who accessed their data. "
            + "Set your gateway, certificate and purpose once with `deinst profile save`.")
        {
            ProfileCommand.Create(environment),
            InstitutionsCommand.Create(environment),
            TransfersCommand.Create(environment),
            RecordsCommand.Create(environment),
            CapacityCommand.Create(environment),
            ClientsCommand.Create(environment),
            AuditCommand.Create(environment),
            DashboardCommand.Create(environment),
        };
        foreach (var option in GlobalOptions.All)
        {
            root.Options.Add(option);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                environment.Error.MarkupLineInterpolated($"[red]{error.Message}[/]");
            }

            environment.Error.MarkupLine("Run [bold]deinst --help[/] (or [bold]deinst COMMAND --help[/]) to see what is possible.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(
            new InvocationConfiguration
            {
                Output = environment.OutWriter,
                Error = environment.Error.Profile.Out.Writer,
                ProcessTerminationTimeout = environment.HandlesCtrlC ? TimeSpan.FromSeconds(30) : null,
            },
            cancellationToken);
    }
}
