using System.Globalization;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>The median of several runs with their range: this machine is too noisy for one figure.</summary>
public readonly record struct RunStatistics(double Median, double Min, double Max)
{
    public static RunStatistics Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new RunStatistics(median, sorted[0], sorted[^1]);
    }

    /// <summary>Nearest rank: the smallest value with at least the fraction of values at or below it.</summary>
    public static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary><c>median 12345 (range 11000–13000)</c>, with the given number format.</summary>
    public string Format(string numberFormat) =>
        string.Create(CultureInfo.InvariantCulture, $"median {Median.ToString(numberFormat, CultureInfo.InvariantCulture)} (range {Min.ToString(numberFormat, CultureInfo.InvariantCulture)}–{Max.ToString(numberFormat, CultureInfo.InvariantCulture)})");
}
