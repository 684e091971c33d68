using Spectre.Console;
using System.CommandLine;
using DeinstGateway.Cli.Dashboard;
using DeinstGateway.Cli.Hosting;

namespace DeinstGateway.Cli.Commands;

/// <summary><c>deinst dashboard</c>: the capacity page for a regional coordinator, served from this computer.</summary>
public static class DashboardCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var port = new Option<int>("--port") { Description = "The port on this computer (default 5480; 0 picks a free one).", DefaultValueFactory = _ => 5480 };
        var command = new Command(
            "dashboard",
            "Opens a page in your browser, on this computer only, with the free places in your region: per municipality, provider and service, "
            + "for a day you choose, updated as places are taken or declared. In Latvian and English. Stop it with Ctrl-C.")
        {
            port,
        };
        return command.WithSession(environment, null, async (session, parse, cancellationToken) =>
        {
            await using var server = await DashboardServer.StartAsync(session.Invoker, parse.GetValue(port), cancellationToken);
            environment.Out.MarkupLineInterpolated($"Open [bold link]{server.PageAddress}[/] in your browser (only on this computer; the address carries a one-time key).");
            environment.Out.MarkupLine("Press Ctrl-C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C is how the dashboard ends.
            }

            return ExitCodes.Ok;
        });
    }
}
