using DeinstGateway.Core.Audit;

namespace DeinstGateway.Core.Tests.Audit;

public sealed class AccessLogChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

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
        var forged = AccessLogChain.Append(2, chain[1].EntryHash, [chain[2].Entry with { InstitutionCode = "mun-riga" }]).Single();
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
        var inserted = AccessLogChain.Append(2, chain[1].EntryHash, [Entry(99)]).Single();
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
        var first = AccessLogChain.Append(0, AccessLogChain.Genesis, [Entry(1) with { Outcome = AccessOutcome.Written }]).Single();

        // Stored logs are verified with this function: its byte layout must never drift.
        Assert.Equal("CA412DC1A45C435B0771CDAD9BB0DC3B75A79E482ABC27F9F6B12E9F0CFEDB4F", Convert.ToHexString(first.EntryHash));
    }

    [Fact]
    public void Append_AfterAHead_ContinuesItsPositionsAndHash()
    {
        var first = Chain(3);

        var next = AccessLogChain.Append(3, first[^1].EntryHash, [Entry(3)]).Single();

        Assert.Equal(4, next.Position);
        Assert.Equal(first[^1].EntryHash, next.PreviousHash);
    }

    private static List<ChainedAccessEntry> Chain(int count) =>
        AccessLogChain.Append(0, AccessLogChain.Genesis, Enumerable.Range(0, count).Select(Entry)).ToList();

    private static AccessEntry Entry(int i) => new(
        Start.AddMinutes(i), "mun-jelgava", "AB12", "/deinst.v1.TransferService/GetTransfer", $"client-{i % 2}", "transfer-handover", AccessOutcome.Read);

    private static async Task<ChainVerdict> VerifyAsync(IEnumerable<ChainedAccessEntry> entries)
    {
        var log = entries.ToList();
        return await AccessLogChain.VerifyAsync(log.ToAsyncEnumerable(), CancellationToken.None);
    }
}
