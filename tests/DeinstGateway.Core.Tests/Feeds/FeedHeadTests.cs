using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Feeds;

namespace DeinstGateway.Core.Tests.Feeds;

public sealed class FeedHeadTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);

    private readonly FeedHead<string> _head = new(TimeProvider.System);

    [Fact]
    public async Task WaitBeyondAsync_HeadAlreadyBeyond_ReturnsWithoutWaiting()
    {
        // Arrange
        _head.MoveTo(5);

        // Act
        var wait = _head.WaitBeyondAsync(4, Long, CancellationToken.None);

        // Assert
        Assert.True(wait.IsCompleted);
        await wait;
    }

    [Fact]
    public async Task WaitBeyondAsync_HeadMovesWhileWaiting_EveryWaiterWakes()
    {
        // Arrange
        _head.MoveTo(5);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var waits = Enumerable.Range(0, 3).Select(_ => _head.WaitBeyondAsync(5, Long, timeout.Token)).ToList();

        // Act
        _head.MoveTo(6);
        await Task.WhenAll(waits);

        // Assert
        Assert.Equal(6, _head.Latest);
        Assert.False(timeout.IsCancellationRequested);
    }

    [Fact]
    public async Task WaitBeyondAsync_NothingMovesWithinMaxWait_ReturnsWithoutError()
    {
        // Act
        await _head.WaitBeyondAsync(0, TimeSpan.FromMilliseconds(1), CancellationToken.None);

        // Assert
        Assert.Equal(0, _head.Latest);
    }

    [Fact]
    public async Task WaitBeyondAsync_Cancelled_ThrowsOperationCanceled()
    {
        // Arrange
        using var cancelled = new CancellationTokenSource();
        var wait = _head.WaitBeyondAsync(0, Long, cancelled.Token);

        // Act
        await cancelled.CancelAsync();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public void MoveTo_NotBeyondTheHead_LeavesItWhereItIs()
    {
        // Arrange
        _head.MoveTo(7);

        // Act
        _head.MoveTo(3);

        // Assert
        Assert.Equal(7, _head.Latest);
    }

    [Fact]
    public async Task Stop_WhileFeedsWait_EveryWaiterEndsWithGatewayStopping()
    {
        // Arrange
        var waits = Enumerable.Range(0, 3).Select(_ => _head.WaitBeyondAsync(0, Long, CancellationToken.None)).ToList();

        // Act
        _head.Stop();

        // Assert
        foreach (var wait in waits)
        {
            await Assert.ThrowsAsync<GatewayStoppingException>(() => wait);
        }
    }

    [Fact]
    public async Task WaitBeyondAsync_AfterStopWithTheHeadBeyond_ReturnsSoThatTheFeedSendsWhatIsLeft()
    {
        // Arrange
        _head.MoveTo(5);
        _head.Stop();

        // Act
        await _head.WaitBeyondAsync(4, Long, CancellationToken.None);

        // Assert
        await Assert.ThrowsAsync<GatewayStoppingException>(() => _head.WaitBeyondAsync(5, Long, CancellationToken.None));
    }
}
