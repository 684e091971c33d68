using Spectre.Console;
using System.CommandLine;
using System.Security.Cryptography;
using Grpc.Core;

namespace DeinstGateway.Cli.Hosting;

/// <summary>Runs a command's action and turns any failure into one sentence on standard error and its exit code.</summary>
public static class CommandActions
{
    public static Command WithAction(this Command command, CliEnvironment environment, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await action(parse, cancellationToken);
            }
            catch (Exception e) when (e is UsageException or ChangedMeanwhileException or RpcException or CryptographicException or OperationCanceledException)
            {
                var (message, exitCode) = Problems.Explain(e, GatewayOf(parse, environment));
                environment.Error.MarkupLineInterpolated($"[red]{message}[/]");
                return exitCode;
            }
        });
        return command;
    }

    /// <summary>Opens a session on the settings in force, runs the action with it and closes it.</summary>
    public static Command WithSession(
        this Command command, CliEnvironment environment, string? usualPurpose, Func<Session, ParseResult, CancellationToken, Task<int>> action) =>
        command.WithAction(environment, async (parse, cancellationToken) =>
        {
            using var session = Session.Open(parse, environment, usualPurpose);
            return await action(session, parse, cancellationToken);
        });

    private static Uri? GatewayOf(ParseResult parse, CliEnvironment environment)
    {
        try
        {
            return Uri.TryCreate(Settings.Resolve(parse, environment).Gateway, UriKind.Absolute, out var address) ? address : null;
        }
        catch (UsageException)
        {
            return null;
        }
    }
}
