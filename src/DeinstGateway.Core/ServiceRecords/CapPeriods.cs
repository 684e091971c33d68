using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.ServiceRecords;

/// <summary>The periods over which the programme caps quantities.</summary>
public static class CapPeriods
{
    /// <summary>The period of <paramref name="kind"/> that contains <paramref name="day"/>.</summary>
    public static InclusivePeriod Containing(LimitPeriod kind, DateOnly day) => kind switch
    {
        LimitPeriod.Week => WeekOf(day),
        LimitPeriod.CalendarYear => CalendarYearOf(day),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown limit period."),
    };

    /// <summary>The ISO 8601 week, Monday to Sunday, as weeks are counted in Latvia.</summary>
    public static InclusivePeriod WeekOf(DateOnly day)
    {
        // DayOfWeek counts from Sunday = 0; shifting by six makes Monday 0 and Sunday 6.
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

        // The last representable day (a Friday) has no Sunday after it; the week ends there instead.
        var sunday = monday.DayNumber + 6 > DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue : monday.AddDays(6);
        return new InclusivePeriod(monday, sunday);
    }

    public static InclusivePeriod CalendarYearOf(DateOnly day) =>
        new(new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31));
}
