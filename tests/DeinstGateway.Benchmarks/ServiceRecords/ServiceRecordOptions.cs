using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DeinstGateway.Benchmarks.ServiceRecords;

/// <summary>
/// The options of <c>service-records</c>: how many records per run, how many runs, and whether to
/// break the gateway's database time down (which slows the run it describes). The client always
/// runs in this process.
/// </summary>
public sealed record ServiceRecordOptions(int Count, int Runs, bool Breakdown)
{
    public const int DefaultCount = 100_000;
    public const int DefaultRuns = 3;

    public static bool TryParse(ReadOnlySpan<string> args, out ServiceRecordOptions options, [NotNullWhen(false)] out string? error)
    {
        var count = DefaultCount;
        var runs = DefaultRuns;
        var breakdown = false;
        options = new ServiceRecordOptions(count, runs, breakdown);
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

        options = new ServiceRecordOptions(count, runs, breakdown);
        error = null;
        return true;
    }
}
