using System.Diagnostics.CodeAnalysis;
using DeinstGateway.Benchmarks.Infrastructure;

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
        options = new CapacityQueryOptions(DefaultProviders, DefaultTransfers, DefaultCalls, DefaultRuns);
        if (!CommandLine.TryParse(args, [], ["--providers", "--transfers", "--calls", "--runs"], out var line, out error))
        {
            return false;
        }

        var providers = line.Number("--providers", DefaultProviders);
        if (providers > MaxProviders)
        {
            error = $"--providers may be at most {MaxProviders}";
            return false;
        }

        options = new CapacityQueryOptions(
            providers, line.Number("--transfers", DefaultTransfers), line.Number("--calls", DefaultCalls), line.Number("--runs", DefaultRuns));
        return true;
    }
}
