using System.Diagnostics.CodeAnalysis;
using DeinstGateway.Benchmarks.Infrastructure;

namespace DeinstGateway.Benchmarks.Scale;

/// <summary>
/// The options of <c>scale</c>: the clients of the large and of the small database (as many
/// transfers, and <see cref="RecordsPerClient"/> service records each), the timed calls per method,
/// and a folder where the large database is kept for the next run (its generation takes minutes).
/// </summary>
public sealed record ScaleOptions(int Clients, int Small, int Calls, int RecordsPerClient, string? Keep)
{
    public const int DefaultClients = 1_000_000;
    public const int DefaultSmall = 10_000;
    public const int DefaultCalls = 200;
    public const int DefaultRecordsPerClient = 20;

    public static bool TryParse(ReadOnlySpan<string> args, out ScaleOptions options, [NotNullWhen(false)] out string? error)
    {
        options = new ScaleOptions(DefaultClients, DefaultSmall, DefaultCalls, DefaultRecordsPerClient, null);
        if (!CommandLine.TryParse(args, [], ["--clients", "--small", "--calls", "--records-per-client"], out var line, out error, ["--keep"]))
        {
            return false;
        }

        options = new ScaleOptions(
            line.Number("--clients", DefaultClients),
            line.Number("--small", DefaultSmall),
            line.Number("--calls", DefaultCalls),
            line.Number("--records-per-client", DefaultRecordsPerClient),
            line.Text("--keep") is { } keep ? Path.GetFullPath(keep) : null);
        if (options.Small > options.Clients)
        {
            error = "--small may not exceed --clients";
            return false;
        }

        if (options.Calls + ScaleBenchmark.WarmUpCalls > options.Small)
        {
            error = $"--calls may be at most --small − {ScaleBenchmark.WarmUpCalls}: every call reads a client of its own";
            return false;
        }

        if (options.Small < ScalePopulation.Providers)
        {
            error = $"--small must be at least {ScalePopulation.Providers}, one client per provider";
            return false;
        }

        return true;
    }
}
