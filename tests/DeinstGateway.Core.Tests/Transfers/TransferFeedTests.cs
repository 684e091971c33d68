using DeinstGateway.Core.Feeds;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Tests.Audit;
using DeinstGateway.Core.Tests.Registry;
using DeinstGateway.Core.Time;
using DeinstGateway.Core.Transfers;

namespace DeinstGateway.Core.Tests.Transfers;

public sealed class TransferFeedTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(5);
    private static readonly Caller Jelgava = TransferSamples.Caller("mun-jelgava", InstitutionKind.Municipality);

    // One per test, as one per process: feeds of a test share pages as the gateway's do.
    private readonly SharedFeedReads<TransferScope, TransferFeedItem> _sharedReads = new();
    private readonly ManualTimeProvider _time = new(Start);
    private readonly InMemoryFeedStore _store;

    public TransferFeedTests()
    {
        _store = new InMemoryFeedStore(_time);
    }

    [Fact]
    public async Task WatchAsync_FromZero_YieldsVisibleChangesInOrderThenHeartbeat()
    {
        // Arrange
        CommitMixedChanges();
        var feed = Feed();

        // Act
        var messages = await ReadUntilHeartbeatsAsync(feed, Jelgava, afterSequence: 0, heartbeats: 1);

        // Assert
        Assert.Equal([1L, 3L, 4L], ChangeSequences(messages));
        Assert.All(messages.Where(m => m.Change is not null), m => Assert.Equal(m.Change!.Change.Time, m.Time));
        var heartbeat = messages[^1];
        Assert.Null(heartbeat.Change);
        Assert.Equal(5, heartbeat.HeartbeatSequence);
    }

    [Theory]
    [InlineData(1, new long[] { 3, 4 })]
    [InlineData(3, new long[] { 4 })]
    [InlineData(4, new long[0])]
    [InlineData(5, new long[0])]
    public async Task WatchAsync_AfterSequence_ResumesWithoutRepeats(long afterSequence, long[] expected)
    {
        // Arrange
        CommitMixedChanges();
        var feed = Feed();

        // Act
        // Two heartbeats: the poll after catching up must not send anything a second time.
        var messages = await ReadUntilHeartbeatsAsync(feed, Jelgava, afterSequence, heartbeats: 2);

        // Assert
        Assert.Equal(expected, ChangeSequences(messages));
        Assert.Equal([5L, 5L], messages.Where(m => m.Change is null).Select(m => m.HeartbeatSequence));
    }

    [Fact]
    public async Task WatchAsync_NothingVisible_HeartbeatCarriesLatestSequenceOnceIntervalPassed()
    {
        // Arrange
        var madona = TransferSamples.Transfer(destinationMunicipalityCode: "mun-madona", destinationRegionCode: "pr-vidzeme");
        _store.Commit(madona, TransferState.Submitted);
        _store.Commit(madona, TransferState.Accepted);
        var feed = Feed();

        // Act
        var messages = await ReadUntilHeartbeatsAsync(feed, Jelgava, afterSequence: 0, heartbeats: 2);

        // Assert
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m =>
        {
            Assert.Null(m.Change);
            Assert.Equal(2, m.HeartbeatSequence);
        });
        Assert.Equal(Start + HeartbeatInterval, messages[0].Time);
        Assert.Equal(Start + HeartbeatInterval + HeartbeatInterval, messages[1].Time);
        // An idle feed sleeps on the shared head until its heartbeat: it does not poll on its own.
        Assert.Equal([HeartbeatInterval, HeartbeatInterval], _store.Waits);
    }

    [Fact]
    public async Task WatchAsync_CertificateExpiresWhileOpen_ThrowsUnauthenticatedAtTheNextHeartbeat()
    {
        // Arrange
        var caller = TransferSamples.Caller("mun-jelgava", InstitutionKind.Municipality, Start + HeartbeatInterval + TimeSpan.FromSeconds(1));
        var feed = Feed();
        var messages = new List<FeedMessage>();

        // Act
        var exception = await Assert.ThrowsAsync<UnauthenticatedException>(async () =>
        {
            await foreach (var message in feed.WatchAsync(caller, 0, CancellationToken.None))
            {
                messages.Add(message);
            }
        });

        // Assert
        Assert.Equal(CallerStanding.CertificateExpired, exception.Reason);
        Assert.Null(Assert.Single(messages).Change);
    }

    [Theory]
    [InlineData("2026-11-23", InstitutionKind.Municipality)]
    [InlineData(null, InstitutionKind.PlanningRegion)]
    public async Task WatchAsync_InstitutionEndedOrOfAnotherKind_ThrowsUnauthenticatedBeforeAnyMessage(string? validTo, InstitutionKind kind)
    {
        // Arrange
        CommitMixedChanges();
        var feed = Feed(registry: new FixedRegistry(Institution("mun-jelgava", kind, validTo is null ? null : DateOnly.Parse(validTo))));

        // Act
        var exception = await Assert.ThrowsAsync<UnauthenticatedException>(async () =>
        {
            await foreach (var message in feed.WatchAsync(Jelgava, 0, CancellationToken.None))
            {
                Assert.Fail("No message may arrive.");
            }
        });

        // Assert
        Assert.Equal(CallerStanding.InstitutionEnded, exception.Reason);
    }

    [Fact]
    public async Task WatchAsync_EmptyStore_HeartbeatCarriesZero()
    {
        // Arrange
        var feed = Feed();

        // Act
        var messages = await ReadUntilHeartbeatsAsync(feed, Jelgava, afterSequence: 0, heartbeats: 1);

        // Assert
        var heartbeat = Assert.Single(messages);
        Assert.Null(heartbeat.Change);
        Assert.Equal(0, heartbeat.HeartbeatSequence);
    }

    [Fact]
    public async Task WatchAsync_ChangeCommittedWhileWatching_YieldedOnceLive()
    {
        // Arrange
        CommitMixedChanges();
        var live = TransferSamples.Transfer(id: "0190f3c2-7a4b-7d1e-9c3f-000000000009");
        var feed = Feed();
        var messages = new List<FeedMessage>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        // Act
        try
        {
            await foreach (var message in feed.WatchAsync(Jelgava, 0, timeout.Token))
            {
                messages.Add(message);
                var heartbeats = messages.Count(m => m.Change is null);
                if (heartbeats == 1 && message.Change is null)
                {
                    _store.Commit(live, TransferState.Submitted);
                }
                else if (heartbeats == 2)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The assertions below show what arrived before the timeout.
        }

        // Assert
        Assert.Equal([1L, 3L, 4L, 6L], ChangeSequences(messages));
        Assert.Equal([5L, 6L], messages.Where(m => m.Change is null).Select(m => m.HeartbeatSequence));
    }

    [Fact]
    public async Task WatchAsync_MoreChangesThanPageSize_AllInOrderBeforeFirstHeartbeat()
    {
        // Arrange
        var transfer = TransferSamples.Transfer();
        for (var i = 0; i < 7; i++)
        {
            _store.Commit(transfer, TransferState.Submitted);
        }

        var feed = Feed(pageSize: 2);

        // Act
        var messages = await ReadUntilHeartbeatsAsync(feed, Jelgava, afterSequence: 0, heartbeats: 1);

        // Assert
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L, 7L], ChangeSequences(messages));
        Assert.Equal(8, messages.Count);
        Assert.Equal(7, messages[^1].HeartbeatSequence);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    [InlineData(1)]
    public async Task WatchAsync_NegativeOrNeverIssuedAfterSequence_ThrowsValidationExceptionOnAfterSequence(long afterSequence)
    {
        // Arrange
        var feed = Feed();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        // Act
        var exception = await Assert.ThrowsAsync<ValidationException>(async () =>
        {
            await foreach (var message in feed.WatchAsync(Jelgava, afterSequence, timeout.Token))
            {
                Assert.Fail("No message may arrive.");
            }
        });

        // Assert
        var violation = Assert.Single(exception.Violations);
        Assert.Equal("after_sequence", violation.Field);
    }

    private TransferFeed Feed(int pageSize = 500, IRegistrySnapshotSource? registry = null) => new(
        _store,
        _store,
        _sharedReads,
        registry ?? new FixedRegistry(Institution("mun-jelgava", InstitutionKind.Municipality, null)),
        new RecordingAccessLog(),
        new GatewayCalendar(_time, TimeZoneInfo.Utc),
        new FeedOptions(PollInterval, HeartbeatInterval, pageSize));

    private static Institution Institution(string code, InstitutionKind kind, DateOnly? validTo) =>
        new(code, kind, code, null, null, null, null, new DateOnly(2021, 7, 1), validTo, null, null);

    /// <summary>
    /// Five changes: 1, 3 and 4 go to Jelgava (the caller), 2 and 5 to Madona.
    /// </summary>
    private void CommitMixedChanges()
    {
        var first = TransferSamples.Transfer(id: "0190f3c2-7a4b-7d1e-9c3f-000000000001");
        var toMadona = TransferSamples.Transfer(
            id: "0190f3c2-7a4b-7d1e-9c3f-000000000002", destinationMunicipalityCode: "mun-madona", destinationRegionCode: "pr-vidzeme");
        var second = TransferSamples.Transfer(id: "0190f3c2-7a4b-7d1e-9c3f-000000000003");
        _store.Commit(first, TransferState.Submitted);
        _store.Commit(toMadona, TransferState.Submitted);
        _store.Commit(first, TransferState.Accepted);
        _store.Commit(second, TransferState.Submitted);
        _store.Commit(toMadona, TransferState.Accepted);
    }

    /// <summary>
    /// Reads the feed until the given number of heartbeats has arrived, or until a timeout so that
    /// a feed that never sends one fails the test instead of hanging it.
    /// </summary>
    private static async Task<List<FeedMessage>> ReadUntilHeartbeatsAsync(
        TransferFeed feed, Caller caller, long afterSequence, int heartbeats)
    {
        var messages = new List<FeedMessage>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await foreach (var message in feed.WatchAsync(caller, afterSequence, timeout.Token))
            {
                messages.Add(message);
                if (messages.Count(m => m.Change is null) == heartbeats)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The caller's assertions show what arrived before the timeout.
        }

        return messages;
    }

    private static long[] ChangeSequences(IEnumerable<FeedMessage> messages) =>
        messages.Where(m => m.Change is not null).Select(m => m.Change!.Change.Sequence).ToArray();
}
