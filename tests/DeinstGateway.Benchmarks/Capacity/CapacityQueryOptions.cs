using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DeinstGateway.Benchmarks.Capacity;

/// <summary>
/// The options of <c>capacity-query</c>: how many generated service providers the reference data
/// gains, how many transfers are submitted to them before timing, how many QueryCapacity calls are
/// timed, and how many runs.
/// </summary>
public sealed record CapacityQueryOptions(int Providers, int Transfers, int Calls, int Runs)
{
    public const int DefaultProviders = 1000;
    public const int DefaultTransfers = 20_000;
    public const int DefaultCalls = 500;
    public const int DefaultRuns = 3;

    /// <summary>A bound on generated providers (<c>prov-bench-0001</c> …), far above any real region.</summary>
    public const int MaxProviders = 99_999;

    public static bool TryParse(ReadOnlySpan<string> args, out CapacityQueryOptions options, [NotNullWhen(false)] out string? error)
    {
        var providers = DefaultProviders;
        var transfers = DefaultTransfers;
        var calls = DefaultCalls;
        var runs = DefaultRuns;
        options = new CapacityQueryOptions(providers, transfers, calls, runs);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is not ("--providers" or "--transfers" or "--calls" or "--runs"))
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
            switch (name)
            {
                case "--providers":
                    providers = value;
                    break;
                case "--transfers":
                    transfers = value;
                    break;
                case "--calls":
                    calls = value;
                    break;
                default:
                    runs = value;
                    break;
            }
        }

        if (providers > MaxProviders)
        {
            error = $"--providers may be at most {MaxProviders}";
            return false;
        }

        options = new CapacityQueryOptions(providers, transfers, calls, runs);
        error = null;
        return true;
    }
}
