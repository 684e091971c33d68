using System.Globalization;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.Tests.Time;

public sealed class GatewayCalendarTests
{
    private static readonly TimeZoneInfo Riga = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");

    [Theory]
    // Summer time, UTC+3: Riga midnight is 21:00 UTC the day before.
    [InlineData("2025-06-30T20:59:00Z", "2025-06-30")]
    [InlineData("2025-06-30T21:00:00Z", "2025-07-01")]
    [InlineData("2025-06-30T21:30:00Z", "2025-07-01")]
    // Winter time, UTC+2: Riga midnight is 22:00 UTC the day before.
    [InlineData("2025-12-31T21:59:00Z", "2025-12-31")]
    [InlineData("2025-12-31T22:00:00Z", "2026-01-01")]
    public void Today_InstantNearRigaMidnight_ReturnsRigaCalendarDate(string utcInstant, string expectedDate)
    {
        // Arrange
        var calendar = new GatewayCalendar(new FixedTimeProvider(Instant(utcInstant)), Riga);

        // Act
        var today = calendar.Today;

        // Assert
        Assert.Equal(DateOnly.ParseExact(expectedDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), today);
    }

    [Fact]
    public void Now_AnyInstant_ReturnsProviderInstantInUtc()
    {
        // Arrange
        var instant = Instant("2025-06-30T21:30:00Z");
        var calendar = new GatewayCalendar(new FixedTimeProvider(instant), Riga);

        // Act
        var now = calendar.Now;

        // Assert
        Assert.Equal(instant, now);
        Assert.Equal(TimeSpan.Zero, now.Offset);
    }

    private static DateTimeOffset Instant(string utcInstant) =>
        DateTimeOffset.Parse(utcInstant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
