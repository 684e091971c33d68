using System.Globalization;
using DeinstGateway.Core.Errors;

namespace DeinstGateway.Core.Monitoring;

public enum PeriodGranularity
{
    Month = 1,
    Quarter = 2,
    Year = 3,
}

/// <summary>
/// What a statistic covers: whole periods of one granularity from <see cref="From"/> to
/// <see cref="Until"/> (exclusive), optionally narrowed to a planning region or a municipality.
/// </summary>
public sealed record StatisticsFilter(DateOnly From, DateOnly Until, PeriodGranularity Granularity, string? RegionCode, string? MunicipalityCode)
{
    /// <summary>At most ten years per answer; the table behind it is built over whole years.</summary>
    public const int MaxYears = 10;

    /// <summary>Checks a filter as sent; every wrong field is named.</summary>
    public static StatisticsFilter Of(DateOnly? from, DateOnly? until, int granularity, string? regionCode, string? municipalityCode)
    {
        var violations = new List<FieldViolation>();
        var level = granularity == 0 ? PeriodGranularity.Month : (PeriodGranularity)granularity;
        if (!Enum.IsDefined(level))
        {
            violations.Add(new FieldViolation("filter.granularity", "must be month, quarter or year"));
            level = PeriodGranularity.Month;
        }

        foreach (var (date, field) in new[] { (from, "filter.period.start_date"), (until, "filter.period.end_date") })
        {
            if (date is null)
            {
                violations.Add(new FieldViolation(field, "is required"));
            }
            else if (Periods.StartOf(date.Value, level) != date)
            {
                violations.Add(new FieldViolation(field, $"must be the first day of a {level.ToString().ToLowerInvariant()}"));
            }
        }

        if (from is { } start && until is { } end && (end <= start || end > start.AddYears(MaxYears)))
        {
            violations.Add(new FieldViolation("filter.period.end_date", $"must be after the start and at most {MaxYears} years after it"));
        }

        return violations.Count > 0
            ? throw new ValidationException(violations)
            : new StatisticsFilter(from!.Value, until!.Value, level, regionCode, municipalityCode);
    }

    /// <summary>The first day of every period the filter covers.</summary>
    public IEnumerable<DateOnly> PeriodStarts()
    {
        for (var start = From; start < Until; start = Periods.Next(start, Granularity))
        {
            yield return start;
        }
    }

    /// <summary>The whole years the filter's periods lie in: the span a table is built over.</summary>
    public (DateOnly From, DateOnly Until) WholeYears() => (new DateOnly(From.Year, 1, 1), new DateOnly(Until.AddDays(-1).Year + 1, 1, 1));
}

/// <summary>
/// Period labels of the statistics tables: <c>M2024-03-01</c> (a month) rolls up into
/// <c>Q2024-01-01</c> (its quarter) and <c>Y2024-01-01</c> (its year); <c>D2024-03-31</c> is a day on
/// which a stock (residents, valid plans) is counted, and rolls up into nothing.
/// </summary>
public static class Periods
{
    public static DateOnly StartOf(DateOnly day, PeriodGranularity granularity) => granularity switch
    {
        PeriodGranularity.Month => new DateOnly(day.Year, day.Month, 1),
        PeriodGranularity.Quarter => new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1),
        _ => new DateOnly(day.Year, 1, 1),
    };

    public static DateOnly Next(DateOnly start, PeriodGranularity granularity) => granularity switch
    {
        PeriodGranularity.Month => start.AddMonths(1),
        PeriodGranularity.Quarter => start.AddMonths(3),
        _ => start.AddYears(1),
    };

    public static string Label(DateOnly start, PeriodGranularity granularity) =>
        (granularity switch { PeriodGranularity.Month => 'M', PeriodGranularity.Quarter => 'Q', _ => 'Y' }) + start.ToString("O", CultureInfo.InvariantCulture);

    public static string Month(int year, int month) => Label(new DateOnly(year, month, 1), PeriodGranularity.Month);

    public static string Day(DateOnly day) => "D" + day.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A month's quarter, a quarter's year; nothing above a year or a day.</summary>
    public static string? Parent(string label) => label[0] switch
    {
        'M' => Label(StartOf(DateOf(label), PeriodGranularity.Quarter), PeriodGranularity.Quarter),
        'Q' => Label(StartOf(DateOf(label), PeriodGranularity.Year), PeriodGranularity.Year),
        _ => null,
    };

    public static DateOnly DateOf(string label) => DateOnly.ParseExact(label.AsSpan(1), "O", CultureInfo.InvariantCulture);
}
