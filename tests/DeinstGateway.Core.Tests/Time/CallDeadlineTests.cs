using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.Tests.Time;

public sealed class CallDeadlineTests
{
    private static readonly DateTimeOffset Deadline = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    public void HasPassed_ClockATickAroundTheDeadline_IsTrueFromTheDeadlineOn(int ticks, bool passed)
    {
        // Arrange
        var deadline = new CallDeadline(new FixedTimeProvider(Deadline.AddTicks(ticks)));

        // Act
        deadline.Set(Deadline);

        // Assert
        Assert.Equal(passed, deadline.HasPassed);
    }

    [Fact]
    public void ThrowIfPassed_NoDeadlineSet_DoesNotThrow()
    {
        // Arrange: work no caller waits on, at the end of time.
        var deadline = new CallDeadline(new FixedTimeProvider(DateTimeOffset.MaxValue.AddTicks(-1)));

        // Act
        var thrown = Record.Exception(deadline.ThrowIfPassed);

        // Assert
        Assert.Null(thrown);
    }

    [Fact]
    public void ThrowIfPassed_DeadlinePassed_ThrowsDeadlinePassed()
    {
        // Arrange
        var deadline = new CallDeadline(new FixedTimeProvider(Deadline.AddSeconds(1)));
        deadline.Set(Deadline);

        // Act
        var thrown = Record.Exception(deadline.ThrowIfPassed);

        // Assert
        Assert.IsType<DeadlinePassedException>(thrown);
    }
}
