namespace DeinstGateway.Core.Time;

/// <summary>
/// "Today" as Latvian institutions mean it: the calendar date in the gateway's time zone
/// (Europe/Riga), not in UTC, so that a validity ending at midnight ends at Latvian midnight.
/// </summary>
public sealed class GatewayCalendar(TimeProvider time, TimeZoneInfo zone)
{
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The instant a calendar day begins in the gateway's time zone.</summary>
    public DateTimeOffset StartOf(DateOnly date) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);
}
