using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;
using static DeinstGateway.Core.Tests.ServiceRecords.ServiceRecordSamples;

namespace DeinstGateway.Core.Tests.ServiceRecords;

public sealed class CapPeriodsTests
{
    [Theory]
    [InlineData("2025-06-02", "2025-06-02", "2025-06-08")]
    [InlineData("2025-06-05", "2025-06-02", "2025-06-08")]
    [InlineData("2025-06-08", "2025-06-02", "2025-06-08")]
    [InlineData("2025-06-09", "2025-06-09", "2025-06-15")]
    // An ISO week may straddle the turn of the year.
    [InlineData("2025-01-01", "2024-12-30", "2025-01-05")]
    public void WeekOf_AnyDay_MondayToSunday(string day, string monday, string sunday)
    {
        // Act
        var week = CapPeriods.Containing(LimitPeriod.Week, Day(day));

        // Assert
        Assert.Equal(Period(monday, sunday), week);
    }

    [Fact]
    public void WeekOf_LastRepresentableDay_EndsOnIt()
    {
        // Act
        var week = CapPeriods.WeekOf(DateOnly.MaxValue);

        // Assert
        Assert.Equal(new InclusivePeriod(new DateOnly(9999, 12, 27), DateOnly.MaxValue), week);
    }

    [Theory]
    [InlineData("2024-01-01")]
    [InlineData("2024-02-29")]
    [InlineData("2024-12-31")]
    public void CalendarYearOf_AnyDay_FirstOfJanuaryToLastOfDecember(string day)
    {
        // Act
        var year = CapPeriods.Containing(LimitPeriod.CalendarYear, Day(day));

        // Assert
        Assert.Equal(Period("2024-01-01", "2024-12-31"), year);
    }

    [Fact]
    public void InclusivePeriod_OneDay_CountsBothEnds()
    {
        // Arrange
        var period = Period("2024-12-31", "2024-12-31");

        // Act
        var days = period.DayCount;

        // Assert
        Assert.Equal(1, days);
        Assert.True(period.Contains(Day("2024-12-31")));
        Assert.False(period.EndsBeforeItStarts);
    }

    [Theory]
    [InlineData("2024-06-01", "2024-06-30", true, true)]
    [InlineData("2024-05-31", "2024-06-30", false, true)]
    [InlineData("2024-06-30", "2024-07-01", false, true)]
    [InlineData("2024-07-01", "2024-07-05", false, false)]
    [InlineData("2024-05-01", "2024-05-31", false, false)]
    public void InclusivePeriod_AgainstJune_CoversAndOverlapsByBothEnds(string firstDay, string lastDay, bool covered, bool overlaps)
    {
        // Arrange
        var june = Period("2024-06-01", "2024-06-30");
        var other = Period(firstDay, lastDay);

        // Act
        var actual = (june.Covers(other), june.Overlaps(other));

        // Assert
        Assert.Equal((covered, overlaps), actual);
    }
}
