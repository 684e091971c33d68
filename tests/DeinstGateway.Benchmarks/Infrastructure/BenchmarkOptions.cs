using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>
/// The options every benchmark takes: how many messages per run, how many runs, and whether to
/// break the database time down (which slows the run it describes).
/// </summary>
public sealed record BenchmarkOptions(int Count, int Runs, bool Breakdown = false)
{
    public const int DefaultCount = 100_000;
    public const int DefaultRuns = 3;

    public static bool TryParse(ReadOnlySpan<string> args, out BenchmarkOptions options, [NotNullWhen(false)] out string? error)
    {
        var count = DefaultCount;
        var runs = DefaultRuns;
        var breakdown = false;
        options = new BenchmarkOptions(count, runs);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--breakdown")
            {
                breakdown = true;
                continue;
            }

            if (name is not ("--count" or "--runs"))
            {
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

        options = new BenchmarkOptions(count, runs, breakdown);
        error = null;
        return true;
    }
}
