using DeinstGateway.Core.Feeds;

namespace DeinstGateway.Core.Tests.Feeds;

public sealed class SharedFeedReadsTests
{
    private readonly SharedFeedReads<string, int> _reads = new();

    [Fact]
    public async Task ReadAsync_SameScopeAndPositionWhileTheFirstReads_QueriesOnceAndBothGetThePage()
    {
        var page = new TaskCompletionSource<IReadOnlyList<int>>();
        var queries = 0;

        var first = _reads.ReadAsync("mun-madona", 10, 12, 500, _ => { queries++; return page.Task; }, CancellationToken.None);
        var second = _reads.ReadAsync("mun-madona", 10, 12, 500, _ => { queries++; return Task.FromResult<IReadOnlyList<int>>([99]); }, CancellationToken.None);
        page.SetResult([11, 12]);

        Assert.Equal(1, queries);
        Assert.Equal([11, 12], await first);
        Assert.Equal([11, 12], await second);
    }

    [Fact]
    public async Task ReadAsync_AfterTheFirstRead_IsSharedUntilThePositionMoves()
    {
        await _reads.ReadAsync("mun-madona", 10, 12, 500, _ => Task.FromResult<IReadOnlyList<int>>([11, 12]), CancellationToken.None);

        var late = await _reads.ReadAsync("mun-madona", 10, 12, 500, _ => Task.FromResult<IReadOnlyList<int>>([-1]), CancellationToken.None);
        var moved = await _reads.ReadAsync("mun-madona", 12, 13, 500, _ => Task.FromResult<IReadOnlyList<int>>([13]), CancellationToken.None);

        Assert.Equal([11, 12], late);
        Assert.Equal([13], moved);
    }

    [Theory]
    [InlineData("mun-riga", 10, 12, 500)]
    [InlineData("mun-madona", 9, 12, 500)]
    [InlineData("mun-madona", 10, 13, 500)]
    [InlineData("mun-madona", 10, 12, 1)]
    public async Task ReadAsync_AnotherScopeOrPosition_ReadsItsOwn(string scope, long after, long through, int limit)
    {
        await _reads.ReadAsync("mun-madona", 10, 12, 500, _ => Task.FromResult<IReadOnlyList<int>>([11, 12]), CancellationToken.None);

        var own = await _reads.ReadAsync(scope, after, through, limit, _ => Task.FromResult<IReadOnlyList<int>>([7]), CancellationToken.None);

        Assert.Equal([7], own);
    }

    [Fact]
    public async Task ReadAsync_WhenTheReadItWaitsOnFails_ReadsForItself()
    {
        var page = new TaskCompletionSource<IReadOnlyList<int>>();
        var first = _reads.ReadAsync("mun-madona", 10, 12, 500, _ => page.Task, CancellationToken.None);
        var second = _reads.ReadAsync("mun-madona", 10, 12, 500, _ => Task.FromResult<IReadOnlyList<int>>([11, 12]), CancellationToken.None);

        page.SetException(new ObjectDisposedException("the first caller's database context"));

        await Assert.ThrowsAsync<ObjectDisposedException>(() => first);
        Assert.Equal([11, 12], await second);
    }

    [Fact]
    public async Task ReadAsync_WaiterCancelled_EndsWithItsCancellationWhileTheReadGoesOn()
    {
        var page = new TaskCompletionSource<IReadOnlyList<int>>();
        var first = _reads.ReadAsync("mun-madona", 10, 12, 500, _ => page.Task, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var second = _reads.ReadAsync("mun-madona", 10, 12, 500, _ => Task.FromResult<IReadOnlyList<int>>([]), cancel.Token);

        await cancel.CancelAsync();
        page.SetResult([11]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        Assert.Equal([11], await first);
    }
}
