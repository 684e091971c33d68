using Spectre.Console;

namespace DeinstGateway.Cli.Hosting;

/// <summary>
/// Where <c>deinst</c> writes and what it reads from its surroundings: the process's console and
/// environment, or a test's writers and variables so that commands run in-process.
/// </summary>
public sealed class CliEnvironment
{
    public required IAnsiConsole Out { get; init; }

    /// <summary>Progress, warnings and errors: kept off standard output so that JSON and CSV stay clean.</summary>
    public required IAnsiConsole Error { get; init; }

    public required Func<string, string?> Variable { get; init; }

    /// <summary>Ctrl-C stops the command's work (it ends cleanly, within 30 s); only for the real process.</summary>
    public bool HandlesCtrlC { get; init; }

    /// <summary>Plain text of standard output, for JSON and CSV that no markup may touch.</summary>
    public TextWriter OutWriter => Out.Profile.Out.Writer;

    /// <summary>
    /// The process's console; a stream redirected to a file or a pipe gets plain text, whatever the
    /// terminal variables say (Spectre's own detection trusts TERM and would colour a pipe).
    /// </summary>
    public static CliEnvironment System() => new()
    {
        Out = Console.IsOutputRedirected ? Plain(Console.Out) : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }),
        Error = Console.IsErrorRedirected ? Plain(Console.Error) : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }),
        Variable = Environment.GetEnvironmentVariable,
        HandlesCtrlC = true,
    };

    /// <summary>Plain writers and the given variables: no colours, no live progress.</summary>
    public static CliEnvironment Captured(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string> variables) => new()
    {
        Out = Plain(output),
        Error = Plain(error),
        Variable = name => variables.GetValueOrDefault(name),
    };

    private static IAnsiConsole Plain(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });

        // A file has no screen width: tables keep whole names on one line rather than wrap at 80.
        console.Profile.Width = 200;
        return console;
    }
}
