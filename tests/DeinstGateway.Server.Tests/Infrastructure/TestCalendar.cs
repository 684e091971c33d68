namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>"Today" as the gateway reckons it (Europe/Riga), so date tests hold around midnight UTC too.</summary>
public static class TestCalendar
{
    private static readonly TimeZoneInfo Riga = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");

    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Riga).DateTime);
}
