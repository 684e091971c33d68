using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Audit;

/// <summary>The chain verifies, both over gRPC and from the command line, and reports the first entry someone changed in the file.</summary>
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
        string[] args = [DeinstGateway.Server.Audit.VerifyAuditLogCommand.Name, "--environment=Testing", $"--Database:SqlitePath={_gateway.DatabasePath}"];
        var intact = new StringWriter();

        var first = await DeinstGateway.Server.Audit.VerifyAuditLogCommand.RunAsync(args, intact);
        await SqliteFile.ExecuteAsync(_gateway.DatabasePath, "UPDATE access_log SET Outcome = 'Read' WHERE Position = 1");
        var broken = new StringWriter();
        var second = await DeinstGateway.Server.Audit.VerifyAuditLogCommand.RunAsync(args, broken);

        Assert.Equal(0, first);
        Assert.Contains("intact: 6 entries", intact.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, second);
        Assert.Contains("BROKEN at position 1", broken.ToString(), StringComparison.Ordinal);
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
}
