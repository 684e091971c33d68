using System.Globalization;
using DeinstGateway.Core.Clients;

namespace DeinstGateway.Core.Tests.Clients;

public sealed class PersonAgeTests
{
    [Theory]
    [InlineData("2008-11-23", "2026-11-22", 17)]
    [InlineData("2008-11-23", "2026-11-23", 18)]
    [InlineData("2008-11-23", "2026-11-24", 18)]
    // The birthday falls in the next calendar year of the one before it.
    [InlineData("2008-01-01", "2025-12-31", 17)]
    [InlineData("2008-01-01", "2026-01-01", 18)]
    [InlineData("2008-12-31", "2026-12-30", 17)]
    [InlineData("2008-12-31", "2026-12-31", 18)]
    public void YearsOn_AroundEighteenthBirthday_TurnsEighteenOnTheBirthday(string birthDate, string date, int expected)
    {
        // Act
        var years = PersonAge.YearsOn(Day(birthDate), Day(date));

        // Assert
        Assert.Equal(expected, years);
    }

    [Theory]
    // 2026 is a common year: the birthday is reached on 1 March, not on 28 February.
    [InlineData("2008-02-29", "2026-02-28", 17)]
    [InlineData("2008-02-29", "2026-03-01", 18)]
    // 2028 is a leap year: the birthday is 29 February itself.
    [InlineData("2008-02-29", "2028-02-28", 19)]
    [InlineData("2008-02-29", "2028-02-29", 20)]
    // 2100 is not a leap year even though it is divisible by four.
    [InlineData("2000-02-29", "2100-02-28", 99)]
    [InlineData("2000-02-29", "2100-03-01", 100)]
    public void YearsOn_BornOn29February_TurnsOlderOn1MarchInCommonYears(string birthDate, string date, int expected)
    {
        // Act
        var years = PersonAge.YearsOn(Day(birthDate), Day(date));

        // Assert
        Assert.Equal(expected, years);
    }

    [Theory]
    [InlineData("2026-11-23")]
    [InlineData("2024-02-29")]
    public void YearsOn_DateIsTheBirthDate_ReturnsZero(string birthDate)
    {
        // Act
        var years = PersonAge.YearsOn(Day(birthDate), Day(birthDate));

        // Assert
        Assert.Equal(0, years);
    }

    [Fact]
    public void YearsOn_DayBeforeFirstBirthday_ReturnsZero()
    {
        // Act
        var years = PersonAge.YearsOn(Day("2025-11-23"), Day("2026-11-22"));

        // Assert
        Assert.Equal(0, years);
    }

    private static DateOnly Day(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
