using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using DeinstGateway.Benchmarks.Infrastructure;

namespace DeinstGateway.Benchmarks.Feeds;

/// <summary>
/// The options of <c>feed-latency</c>: changes timed per configuration, the numbers of open
/// subscribers to measure with (<c>--subscribers 1,100,1000</c>), and runs.
/// </summary>
public sealed record FeedLatencyOptions(int Changes, IReadOnlyList<int> Subscribers, int Runs)
{
    public const int DefaultChanges = 100;
    public const int DefaultRuns = 1;
    public static readonly IReadOnlyList<int> DefaultSubscribers = [1, 100, 1000];
    private const string SubscribersOption = "--subscribers";

    public static bool TryParse(ReadOnlySpan<string> args, out FeedLatencyOptions options, [NotNullWhen(false)] out string? error)
    {
        options = new FeedLatencyOptions(DefaultChanges, DefaultSubscribers, DefaultRuns);
        var subscribers = DefaultSubscribers;
        var rest = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] != SubscribersOption)
            {
                rest.Add(args[i]);
                continue;
            }

            var counts = i + 1 < args.Length ? args[++i].Split(',') : [];
            var parsed = counts.Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 0).ToList();
            if (parsed.Count == 0 || parsed.Contains(0))
            {
                error = $"{SubscribersOption} needs a comma-separated list of positive whole numbers, e.g. 1,100,1000";
                return false;
            }

            subscribers = parsed;
        }

        if (!CommandLine.TryParse(rest.ToArray(), [], ["--changes", "--runs"], out var line, out error))
        {
            return false;
        }

        options = new FeedLatencyOptions(line.Number("--changes", DefaultChanges), subscribers, line.Number("--runs", DefaultRuns));
        return true;
    }
}
