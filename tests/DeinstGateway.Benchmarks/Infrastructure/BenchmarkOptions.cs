using System.Diagnostics.CodeAnalysis;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>Where the load client runs, relative to the gateway it measures.</summary>
public enum ClientPlacement
{
    /// <summary>A separate <c>transfers-client</c> process pinned to core 1 (the default).</summary>
    OutOfProcess,

    /// <summary>In the gateway's own process, sharing its cores (<c>--in-process</c>).</summary>
    InProcess,
}

/// <summary>
/// The options every benchmark takes: how many messages per run, how many runs, whether to break
/// the database time down (which slows the run it describes), and where the client runs:
/// <c>--in-process</c> in the gateway's process, <c>--both</c> each way in every run.
/// </summary>
public sealed record BenchmarkOptions(int Count, int Runs, bool Breakdown = false, IReadOnlyList<ClientPlacement>? Placements = null)
{
    public const int DefaultCount = 100_000;
    public const int DefaultRuns = 3;

    /// <summary>In the order of the first run; later runs alternate it.</summary>
    public IReadOnlyList<ClientPlacement> Clients { get; } = Placements ?? [ClientPlacement.OutOfProcess];

    public static bool TryParse(ReadOnlySpan<string> args, out BenchmarkOptions options, [NotNullWhen(false)] out string? error)
    {
        options = new BenchmarkOptions(DefaultCount, DefaultRuns);
        if (!CommandLine.TryParse(args, ["--breakdown", "--in-process", "--both"], ["--count", "--runs"], out var line, out error))
        {
            return false;
        }

        var (inProcess, both) = (line.Has("--in-process"), line.Has("--both"));
        if (inProcess && both)
        {
            error = "--in-process and --both exclude each other";
            return false;
        }

        ClientPlacement[] placements = both ? [ClientPlacement.OutOfProcess, ClientPlacement.InProcess]
            : inProcess ? [ClientPlacement.InProcess]
            : [ClientPlacement.OutOfProcess];
        options = new BenchmarkOptions(line.Number("--count", DefaultCount), line.Number("--runs", DefaultRuns), line.Has("--breakdown"), placements);
        return true;
    }
}
