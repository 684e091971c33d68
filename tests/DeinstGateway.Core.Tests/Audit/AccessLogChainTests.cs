using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Errors;

namespace DeinstGateway.Core.Tests.Audit;

public sealed class AccessLogChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly AccessLogChain Keyed = RecordingAccessLog.Chain;

    [Fact]
    public async Task Verify_UntouchedChain_IsIntactWithEveryEntryCounted()
    {
        var chain = Chain(5);

        var verdict = await VerifyAsync(chain);

        Assert.True(verdict.Intact);
        Assert.Equal(5, verdict.VerifiedEntries);
    }

    [Fact]
    public async Task Verify_EmptyLog_IsIntact()
    {
        var verdict = await VerifyAsync([]);

        Assert.True(verdict.Intact);
        Assert.Equal(0, verdict.VerifiedEntries);
    }

    [Fact]
    public async Task Verify_AlteredContent_BreaksAtThatPosition()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Entry = chain[2].Entry with { Purpose = "supervision" } };

        var verdict = await VerifyAsync(chain);

        Assert.Equal(3, verdict.FirstBrokenPosition);
        Assert.Equal(2, verdict.VerifiedEntries);
    }

    [Fact]
    public async Task Verify_AlteredContentWithItsHashRecomputed_BreaksAtTheNextPosition()
    {
        var chain = Chain(5);
        var forged = Keyed.Append(2, chain[1].EntryHash, [chain[2].Entry with { InstitutionCode = "mun-riga" }]).Single();
        chain[2] = forged;

        var verdict = await VerifyAsync(chain);

        Assert.Equal(4, verdict.FirstBrokenPosition);
    }

    [Fact]
    public async Task Verify_RemovedEntry_BreaksWhereItWas()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        var verdict = await VerifyAsync(chain);

        Assert.Equal(2, verdict.FirstBrokenPosition);
    }

    [Fact]
    public async Task Verify_InsertedEntryWithRenumberedTail_BreaksWhereItWasInserted()
    {
        var chain = Chain(4);
        var inserted = Keyed.Append(2, chain[1].EntryHash, [Entry(99)]).Single();
        var renumbered = chain.Take(2).Append(inserted).Concat(chain.Skip(2).Select(e => e with { Position = e.Position + 1 })).ToList();

        var verdict = await VerifyAsync(renumbered);

        Assert.Equal(4, verdict.FirstBrokenPosition);
    }

    [Fact]
    public async Task Verify_FirstEntryRemoved_BreaksAtPositionOne()
    {
        var chain = Chain(3);
        chain.RemoveAt(0);

        var verdict = await VerifyAsync(chain);

        Assert.Equal(1, verdict.FirstBrokenPosition);
        Assert.Equal(0, verdict.VerifiedEntries);
    }

    [Fact]
    public void Append_KnownEntry_GivesTheHashStoredChainsWereWrittenWith()
    {
        var first = Keyed.Append(0, AccessLogChain.Genesis, [Entry(1) with { Outcome = AccessOutcome.Written }]).Single();

        // Stored logs are verified with this function: its byte layout and key derivation must never drift.
        // Computed apart from this code: HMAC-SHA256(HMAC-SHA256(key 01..20, "access-log entries"), content).
        Assert.Equal("C03007D7A498F482C295C49F3C99EAAF3DB2E85F593BFF96B26BF6DD0C0671D1", Convert.ToHexString(first.EntryHash));
    }

    [Fact]
    public void Append_AfterAHead_ContinuesItsPositionsAndHash()
    {
        var first = Chain(3);

        var next = Keyed.Append(3, first[^1].EntryHash, [Entry(3)]).Single();

        Assert.Equal(4, next.Position);
        Assert.Equal(first[^1].EntryHash, next.PreviousHash);
    }

    [Fact]
    public async Task Verify_ChainWrittenWithAnotherKey_BreaksAtPositionOne()
    {
        var other = new AccessLogChain(new byte[AccessLogChain.MinimumKeySize]);
        var chain = other.Append(0, AccessLogChain.Genesis, Enumerable.Range(0, 3).Select(Entry)).ToList();

        var verdict = await VerifyAsync(chain);

        Assert.Equal(1, verdict.FirstBrokenPosition);
    }

    [Fact]
    public async Task Verify_AgainstACheckpoint_IntactWhileTheLogGrowsAndBrokenOnceItsEntryIsRemoved()
    {
        var chain = Chain(6);
        var checkpoint = (await VerifyAsync(chain.Take(4))).Checkpoint;

        var grown = await VerifyAsync(chain, checkpoint);
        var truncated = await VerifyAsync(chain.Take(3), checkpoint);

        Assert.True(grown.Intact, grown.Problem);
        Assert.Equal(6, grown.VerifiedEntries);
        Assert.False(truncated.Intact);
        Assert.Equal((3L, 4L), (truncated.VerifiedEntries, truncated.FirstBrokenPosition!.Value));
        Assert.Null(truncated.Checkpoint);
    }

    [Fact]
    public async Task Verify_AgainstACheckpointWhoseEntryWasReplaced_BreaksAtIt()
    {
        var checkpoint = (await VerifyAsync(Chain(3))).Checkpoint;
        var rewritten = Keyed.Append(0, AccessLogChain.Genesis, Enumerable.Range(10, 4).Select(Entry)).ToList();

        var verdict = await VerifyAsync(rewritten, checkpoint);

        Assert.Equal(3, verdict.FirstBrokenPosition);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a checkpoint")]
    [InlineData("deinst-access-log-checkpoint-v1:3:00:00")]
    public async Task Verify_CheckpointNotSealedWithTheKey_IsInvalidNamingTheField(string checkpoint)
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => VerifyAsync(Chain(3), checkpoint));

        Assert.Equal("checkpoint", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public async Task Verify_CheckpointWithItsPositionChangedOrOfAnotherKey_IsInvalid()
    {
        var sealedAt3 = (await VerifyAsync(Chain(3))).Checkpoint!;
        var moved = sealedAt3.Replace(":3:", ":2:", StringComparison.Ordinal);
        var other = new AccessLogChain(new byte[AccessLogChain.MinimumKeySize]);
        var foreign = (await other.VerifyAsync(AsyncOf([]), null, CancellationToken.None)).Checkpoint!;

        await Assert.ThrowsAsync<ValidationException>(() => VerifyAsync(Chain(3), moved));
        await Assert.ThrowsAsync<ValidationException>(() => VerifyAsync([], foreign));
    }

    private static List<ChainedAccessEntry> Chain(int count) =>
        Keyed.Append(0, AccessLogChain.Genesis, Enumerable.Range(0, count).Select(Entry)).ToList();

    private static AccessEntry Entry(int i) => new(
        Start.AddMinutes(i), "mun-jelgava", "AB12", "/deinst.v1.TransferService/GetTransfer", $"client-{i % 2}", "transfer-handover", AccessOutcome.Read);

    private static async IAsyncEnumerable<ChainedAccessEntry> AsyncOf(IEnumerable<ChainedAccessEntry> entries)
    {
        foreach (var entry in entries)
        {
            await Task.Yield();
            yield return entry;
        }
    }

    private static async Task<ChainVerdict> VerifyAsync(IEnumerable<ChainedAccessEntry> entries, string? checkpoint = null)
    {
        var log = entries.ToList();
        return await Keyed.VerifyAsync(log.ToAsyncEnumerable(), checkpoint, CancellationToken.None);
    }
}
