using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using DeinstGateway.Core.Audit;
using VerifyAuditLogCommand = DeinstGateway.Server.Audit.VerifyAuditLogCommand;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Server.Tests.Audit;

/// <summary>
/// The chain verifies, both over gRPC and from the command line, and reports the first entry someone
/// changed in the file, also when they recomputed the hashes without the key, and the newest entries
/// removed behind a checkpoint.
/// </summary>
public sealed class AuditChainTests : IAsyncLifetime
{
    private const string Source = "vsac-zemgale-jelgava";

    private GatewayProcess _gateway = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayProcess.StartAsync();
        var transfers = Enumerable.Range(0, 3).Select(_ => TransferRequests.Valid()).ToList();
        await TransferClient.SubmitAsync(_gateway, Source, transfers);
        var listed = await new TransferService.TransferServiceClient(_gateway.ChannelFor("mun-jelgava")).ListTransfersAsync(new ListTransfersRequest());
        Assert.Equal(3, listed.Transfers.Count);
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task VerifyAuditLog_Untouched_IsIntactWithEveryEntry()
    {
        var verdict = await Verifier().VerifyAuditLogAsync(new VerifyAuditLogRequest());

        Assert.True(verdict.Intact, verdict.Problem);
        Assert.Equal(6, verdict.VerifiedEntries);
        Assert.Equal(0, verdict.FirstBrokenPosition);
    }

    [Theory]
    [InlineData("UPDATE access_log SET Purpose = 'supervision' WHERE Position = 4", 4)]
    [InlineData("UPDATE access_log SET InstitutionCode = 'mun-riga' WHERE Position = 5", 5)]
    [InlineData("DELETE FROM access_log WHERE Position = 2", 2)]
    [InlineData("DELETE FROM access_log WHERE Position = 6", null)]
    [InlineData("UPDATE access_log SET Position = Position + 100 WHERE Position >= 3", 3)]
    public async Task VerifyAuditLog_EntryChangedInTheFile_ReportsTheFirstBrokenPosition(string tampering, int? brokenAt)
    {
        await SqliteFile.ExecuteAsync(_gateway.DatabasePath, tampering);

        var verdict = await Verifier().VerifyAuditLogAsync(new VerifyAuditLogRequest());

        // Removing the newest entries leaves a shorter, intact chain: only an anchor kept outside the database would tell.
        Assert.Equal(brokenAt is null, verdict.Intact);
        Assert.Equal(brokenAt ?? 0, verdict.FirstBrokenPosition);
    }

    [Fact]
    public async Task VerifyAuditLogCommand_IntactThenTampered_ExitsZeroThenTwoNamingThePosition()
    {
        var intact = new StringWriter();

        var first = await VerifyAuditLogCommand.RunAsync(CommandArgs(), intact);
        await SqliteFile.ExecuteAsync(_gateway.DatabasePath, "UPDATE access_log SET Outcome = 'Read' WHERE Position = 1");
        var broken = new StringWriter();
        var second = await VerifyAuditLogCommand.RunAsync(CommandArgs(), broken);

        Assert.Equal(0, first);
        Assert.Contains("intact: 6 entries", intact.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, second);
        Assert.Contains("BROKEN at position 1", broken.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAuditLog_EntryRewrittenAndTheChainRecomputedWithUnkeyedSha256_IsBrokenAtThatEntry()
    {
        var entries = new List<ChainedAccessEntry>();
        await foreach (var entry in _gateway.Services.GetRequiredService<IAccessLog>().ReadAllAsync(CancellationToken.None))
        {
            entries.Add(entry);
        }

        // What someone with write access to the database could do to an unkeyed chain: change
        // entry 4 and recompute SHA-256 over the chain's byte layout from there to the end.
        var previous = entries[2].EntryHash;
        foreach (var stored in entries.Skip(3))
        {
            var entry = stored.Position == 4 ? stored.Entry with { Purpose = "supervision" } : stored.Entry;
            var hash = UnkeyedSha256(stored.Position, entry, previous);
            await SqliteFile.ExecuteAsync(_gateway.DatabasePath,
                $"UPDATE access_log SET Purpose = '{entry.Purpose}', PreviousHash = X'{Convert.ToHexString(previous)}', " +
                $"EntryHash = X'{Convert.ToHexString(hash)}' WHERE Position = {stored.Position}");
            previous = hash;
        }

        var verdict = await Verifier().VerifyAuditLogAsync(new VerifyAuditLogRequest());

        Assert.False(verdict.Intact);
        Assert.Equal((4L, "the entry's content does not match its hash"), (verdict.FirstBrokenPosition, verdict.Problem));
    }

    [Fact]
    public async Task VerifyAuditLog_AgainstACheckpointFromBeforeTheNewestEntriesWereRemoved_IsBroken()
    {
        var checkpoint = (await Verifier().VerifyAuditLogAsync(new VerifyAuditLogRequest())).Checkpoint;
        await SqliteFile.ExecuteAsync(_gateway.DatabasePath, "DELETE FROM access_log WHERE Position >= 5");

        var without = await Verifier().VerifyAuditLogAsync(new VerifyAuditLogRequest());
        var against = await Verifier().VerifyAuditLogAsync(new VerifyAuditLogRequest { Checkpoint = checkpoint });

        Assert.True(without.Intact);
        Assert.False(against.Intact);
        Assert.Equal((4L, 5L), (against.VerifiedEntries, against.FirstBrokenPosition));
        Assert.Contains("checkpoint holds position 6", against.Problem, StringComparison.Ordinal);
        Assert.Empty(against.Checkpoint);
    }

    [Fact]
    public async Task VerifyAuditLog_CheckpointNotIssuedWithTheKey_IsInvalidArgumentOnCheckpoint()
    {
        var checkpoint = (await Verifier().VerifyAuditLogAsync(new VerifyAuditLogRequest())).Checkpoint;
        var moved = checkpoint.Replace(":6:", ":9:", StringComparison.Ordinal);

        await RpcAssert.InvalidField("checkpoint", () => Verifier().VerifyAuditLogAsync(new VerifyAuditLogRequest { Checkpoint = moved }).ResponseAsync);
    }

    [Fact]
    public async Task VerifyAuditLogCommand_CheckpointWrittenThenNewestEntryRemoved_ExitsTwo()
    {
        var file = Path.Combine(Path.GetDirectoryName(_gateway.DatabasePath)!, "checkpoint.txt");

        var written = await VerifyAuditLogCommand.RunAsync([.. CommandArgs(), $"--write-checkpoint={file}"], new StringWriter());
        await SqliteFile.ExecuteAsync(_gateway.DatabasePath, "DELETE FROM access_log WHERE Position = 6");
        var output = new StringWriter();
        var checkedAgainst = await VerifyAuditLogCommand.RunAsync([.. CommandArgs(), $"--checkpoint={file}"], output);

        Assert.Equal((0, 2), (written, checkedAgainst));
        Assert.Contains("BROKEN at position 6", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAuditLogCommand_WithoutTheKey_ExitsOneAndCreatesNoKey()
    {
        var missing = Path.Combine(Path.GetDirectoryName(_gateway.DatabasePath)!, "no-such-key");
        var output = new StringWriter();

        var exit = await VerifyAuditLogCommand.RunAsync(
            [VerifyAuditLogCommand.Name, "--environment=Testing", $"--Database:SqlitePath={_gateway.DatabasePath}", $"--Audit:KeyFile={missing}", "--Audit:CreateKeyFileIfMissing=true"],
            output);

        Assert.Equal(1, exit);
        Assert.Contains("access-log key", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task VerifyAuditLog_ByAMunicipality_IsPermissionDenied()
    {
        var municipality = new AuditService.AuditServiceClient(_gateway.ChannelFor("mun-jelgava"));

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => municipality.VerifyAuditLogAsync(new VerifyAuditLogRequest()).ResponseAsync);
    }

    [Fact]
    public async Task Calls_WhenTheAccessLogCannotBeWritten_FailAndWriteNothing()
    {
        var transfers = new TransferService.TransferServiceClient(_gateway.ChannelFor("mun-jelgava"));
        var transfer = (await transfers.ListTransfersAsync(new ListTransfersRequest())).Transfers[0];
        await SqliteFile.ExecuteAsync(_gateway.DatabasePath,
            "CREATE TRIGGER refuse_access_log BEFORE INSERT ON access_log BEGIN SELECT RAISE(ABORT, 'audit storage unavailable'); END");

        await RpcAssert.FailsWith(StatusCode.Internal, () => transfers.GetTransferAsync(new GetTransferRequest { Name = transfer.Name }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.Internal,
            () => transfers.AcceptTransferAsync(new AcceptTransferRequest { Name = transfer.Name, Etag = transfer.Etag }).ResponseAsync);

        await SqliteFile.ExecuteAsync(_gateway.DatabasePath, "DROP TRIGGER refuse_access_log");
        var after = await transfers.GetTransferAsync(new GetTransferRequest { Name = transfer.Name });
        Assert.Equal((TransferState.Submitted, transfer.Etag), (after.State, after.Etag));
    }

    private AuditService.AuditServiceClient Verifier() => new(_gateway.ChannelFor("lm"));

    /// <summary>The command against the test gateway's database and access-log key, as an auditor would run it on a copy.</summary>
    private string[] CommandArgs() =>
    [
        VerifyAuditLogCommand.Name,
        "--environment=Testing",
        $"--Database:SqlitePath={_gateway.DatabasePath}",
        $"--Audit:KeyFile={Path.Combine(Path.GetDirectoryName(_gateway.DatabasePath)!, "access-log-key")}",
    ];

    /// <summary>The chain's hash before it was keyed: SHA-256 over the same bytes, which anyone can recompute.</summary>
    private static byte[] UnkeyedSha256(long position, AccessEntry entry, byte[] previousHash)
    {
        var content = new List<byte>(previousHash);
        foreach (var number in new[] { position, entry.Time.UtcTicks, (long)entry.Outcome })
        {
            content.AddRange(BigEndian(number));
        }

        foreach (var text in new[] { entry.InstitutionCode, entry.CertificateThumbprint, entry.Method, entry.ClientId, entry.Purpose })
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            content.AddRange(BigEndian(bytes.Length));
            content.AddRange(bytes);
        }

        return SHA256.HashData(content.ToArray());
    }

    private static byte[] BigEndian(long number)
    {
        var bytes = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(bytes, number);
        return bytes;
    }
}
