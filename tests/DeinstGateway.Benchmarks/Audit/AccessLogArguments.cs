using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DeinstGateway.Benchmarks.Audit;

/// <summary>The options of <c>access-log</c>: reads per measure, runs, calls in flight.</summary>
public static class AccessLogArguments
{
    public static bool TryParse(ReadOnlySpan<string> args, out int reads, out int runs, out int inFlight, [NotNullWhen(false)] out string? error)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal) { ["--reads"] = 20_000, ["--runs"] = 3, ["--in-flight"] = 32 };
        error = null;
        for (var i = 0; i < args.Length && error is null; i += 2)
        {
            if (!values.ContainsKey(args[i]))
            {
                error = $"unknown option '{args[i]}'";
            }
            else if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                error = $"{args[i]} needs a positive whole number";
            }
            else
            {
                values[args[i]] = value;
            }
        }

        (reads, runs, inFlight) = (values["--reads"], values["--runs"], values["--in-flight"]);
        return error is null;
    }
}
