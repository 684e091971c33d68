using System.Diagnostics.CodeAnalysis;
using System.Globalization;

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
        var count = DefaultCount;
        var runs = DefaultRuns;
        var breakdown = false;
        var inProcess = false;
        var both = false;
        options = new BenchmarkOptions(count, runs);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "--breakdown":
                    breakdown = true;
                    continue;
                case "--in-process":
                    inProcess = true;
                    continue;
                case "--both":
                    both = true;
                    continue;
                case "--count" or "--runs":
                    break;
                default:
                    error = $"unknown option '{name}'";
                    return false;
            }

            if (i + 1 >= args.Length
                || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || value < 1)
            {
                error = $"{name} needs a positive whole number";
                return false;
            }

            i++;
            if (name == "--count")
            {
                count = value;
            }
            else
            {
                runs = value;
            }
        }

        if (inProcess && both)
        {
            error = "--in-process and --both exclude each other";
            return false;
        }

        ClientPlacement[] placements = both ? [ClientPlacement.OutOfProcess, ClientPlacement.InProcess]
            : inProcess ? [ClientPlacement.InProcess]
            : [ClientPlacement.OutOfProcess];
        options = new BenchmarkOptions(count, runs, breakdown, placements);
        error = null;
        return true;
    }
}
