using System.Globalization;
using System.Text.RegularExpressions;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>One request of nghttp's <c>--stat</c> table; times in microseconds from the end of the connect.</summary>
/// <param name="Size">The response body's size as nghttp prints it: bytes, or whole KiB with <c>K</c> from 1024 on.</param>
public readonly record struct NghttpRequest(double RequestStart, double ResponseEnd, double Process, int Code, string Size);

/// <summary>
/// The per-request timings <c>nghttp --stat</c> prints (<c>id responseEnd requestStart process code
/// size path</c>). nghttp prints durations as <c>882us</c>, <c>1.03ms</c> or <c>1.20s</c>: under a
/// second they are exact to 10 µs, from a second on to 10 ms. A request's clock starts when its
/// first byte is sent, so requests queued behind the server's stream limit are timed from then.
/// </summary>
public static partial class NghttpStat
{
    public static List<NghttpRequest> Parse(string output)
    {
        var requests = new List<NghttpRequest>();
        foreach (Match row in RequestRow().Matches(output))
        {
            requests.Add(new NghttpRequest(
                Microseconds(row.Groups["start"].Value),
                Microseconds(row.Groups["end"].Value),
                Microseconds(row.Groups["process"].Value),
                int.Parse(row.Groups["code"].Value, CultureInfo.InvariantCulture),
                row.Groups["size"].Value));
        }

        return requests;
    }

    private static double Microseconds(string duration)
    {
        var (number, scale) = duration.EndsWith("us", StringComparison.Ordinal) ? (duration[..^2], 1.0)
            : duration.EndsWith("ms", StringComparison.Ordinal) ? (duration[..^2], 1e3)
            : duration.EndsWith('s') ? (duration[..^1], 1e6)
            : throw new BenchmarkFailedException($"nghttp --stat printed a duration '{duration}' this benchmark cannot read");
        return double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture) * scale;
    }

    [GeneratedRegex(@"^\s*\d+\s+\+(?<end>[\d.]+[mu]?s)\s+\+(?<start>[\d.]+[mu]?s)\s+(?<process>[\d.]+[mu]?s)\s+(?<code>\d+)\s+(?<size>\S+)\s+/", RegexOptions.Multiline)]
    private static partial Regex RequestRow();
}
