using System.Diagnostics.CodeAnalysis;
using DeinstGateway.Benchmarks.Infrastructure;

namespace DeinstGateway.Benchmarks.Audit;

/// <summary>The options of <c>access-log</c>: reads per measure, runs, calls in flight.</summary>
public static class AccessLogArguments
{
    public static bool TryParse(ReadOnlySpan<string> args, out int reads, out int runs, out int inFlight, [NotNullWhen(false)] out string? error)
    {
        (reads, runs, inFlight) = (20_000, 3, 32);
        if (!CommandLine.TryParse(args, [], ["--reads", "--runs", "--in-flight"], out var line, out error))
        {
            return false;
        }

        (reads, runs, inFlight) = (line.Number("--reads", reads), line.Number("--runs", runs), line.Number("--in-flight", inFlight));
        return true;
    }
}
