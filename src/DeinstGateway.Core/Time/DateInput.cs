namespace DeinstGateway.Core.Time;

/// <summary>A calendar date as a caller sent it, not yet known to exist.</summary>
public readonly record struct DateInput(int Year, int Month, int Day)
{
    public DateOnly? ToDate() =>
        Year is >= 1 and <= 9999 && Month is >= 1 and <= 12 && Day >= 1 && Day <= DateTime.DaysInMonth(Year, Month)
            ? new DateOnly(Year, Month, Day)
            : null;
}
