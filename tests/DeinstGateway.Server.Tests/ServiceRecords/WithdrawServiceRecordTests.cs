using DeinstGateway.Core.Access;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Google.Rpc;
using Grpc.Core;
using static DeinstGateway.Server.Tests.ServiceRecords.ServiceRecordRequests;

namespace DeinstGateway.Server.Tests.ServiceRecords;

/// <summary>
/// WithdrawServiceRecord through gRPC: who may withdraw, repeats, and what a withdrawn record no
/// longer counts toward (caps, funding report, lists) while its request id stays taken.
/// </summary>
public sealed class WithdrawServiceRecordTests : IAsyncLifetime
{
    private const string UnknownRecord = "serviceRecords/0195f0c2-0000-7000-8000-000000000001";
    private GatewayProcess _gateway = null!;
    private string _child = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayProcess.StartAsync();
        _child = (await TransferClient.HandOverAsync(_gateway, "ccare-demo-latgale", ChildTransfer())).Client;
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Withdraw_ByTheRecorder_ShowsWhenByWhomAndWhyAndLeavesTheRestAsRecorded()
    {
        var record = await RecordOneAsync(RespiteProvider, Respite(_child, new DateOnly(2025, 2, 3), 2));

        var withdrawn = await WithdrawAsync(RespiteProvider, record.Name, WithdrawalReason.RecordedInError);

        Assert.Equal(("institutions/" + RespiteProvider, WithdrawalReason.RecordedInError), (withdrawn.WithdrawnBy.Name, withdrawn.WithdrawalReason));
        Assert.InRange(withdrawn.WithdrawTime.ToDateTimeOffset(), record.RecordTime.ToDateTimeOffset(), DateTimeOffset.UtcNow);
        var asRecorded = withdrawn.Clone();
        asRecorded.WithdrawTime = null;
        asRecorded.WithdrawnBy = null;
        asRecorded.WithdrawalReason = WithdrawalReason.Unspecified;
        Assert.Equal(record, asRecorded);
    }

    [Fact]
    public async Task Withdraw_Repeated_AnswersTheFirstWithdrawalAndIsLoggedOnceAsWrittenThenAsRead()
    {
        var record = await RecordOneAsync(RespiteProvider, Respite(_child, new DateOnly(2025, 2, 10), 1));

        var first = await WithdrawAsync(RespiteProvider, record.Name, WithdrawalReason.RecordedInError);
        var again = await WithdrawAsync(RespiteProvider, record.Name, WithdrawalReason.Superseded);

        Assert.Equal(first, again);
        Assert.Equal([AccessOutcome.Read, AccessOutcome.Written], await WithdrawalAccessesAsync());
    }

    [Fact]
    public async Task Withdraw_ByTwoGatewaysOnOneDatabaseAtOnce_WritesOnceAndEveryCallAnswersTheSameWithdrawal()
    {
        var record = await RecordOneAsync(RespiteProvider, Respite(_child, new DateOnly(2025, 2, 17), 1));
        await using var replica = await GatewayProcess.StartAsync(_gateway.DatabasePath);
        WithdrawalReason[] reasons = [WithdrawalReason.RecordedInError, WithdrawalReason.DuplicateRecord, WithdrawalReason.Superseded, WithdrawalReason.RecordedInError];

        var answers = await Task.WhenAll(reasons.Select((reason, i) => new ServiceRecordService.ServiceRecordServiceClient(
                (i % 2 == 0 ? _gateway : replica).ChannelFor(RespiteProvider))
            .WithdrawServiceRecordAsync(new WithdrawServiceRecordRequest { Name = record.Name, Reason = reason }).ResponseAsync));

        Assert.Single(answers.Distinct());
        var outcomes = await WithdrawalAccessesAsync();
        Assert.Equal((1, 3), (outcomes.Count(o => o == AccessOutcome.Written), outcomes.Count(o => o == AccessOutcome.Read)));
    }

    [Theory]
    [InlineData(RespiteProvider, "mun-riga")]
    [InlineData("mun-riga", RespiteProvider)]
    public async Task Withdraw_ByAnInstitutionThatSeesTheRecordButDidNotRecordIt_IsPermissionDeniedAndChangesNothing(string recorder, string caller)
    {
        var record = await RecordOneAsync(recorder, Respite(_child, new DateOnly(2025, 3, 3), 1));

        var status = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => WithdrawAsync(caller, record.Name, WithdrawalReason.RecordedInError));

        Assert.Equal("NOT_THE_RECORDER", status?.GetDetail<ErrorInfo>()?.Reason);
        Assert.Equal([record], (await ListAsync(caller, showWithdrawn: true)).ServiceRecords);
    }

    [Theory]
    [InlineData("mun-madona")]
    [InlineData("prov-cimdins")]
    public async Task Withdraw_ByAnInstitutionThatCannotSeeTheRecord_IsNotFound(string caller)
    {
        var record = await RecordOneAsync(RespiteProvider, Respite(_child, new DateOnly(2025, 3, 10), 1));

        await RpcAssert.FailsWith(StatusCode.NotFound, () => WithdrawAsync(caller, record.Name, WithdrawalReason.RecordedInError));

        Assert.Equal([record], (await ListAsync(RespiteProvider, showWithdrawn: false)).ServiceRecords);
    }

    [Fact]
    public async Task Withdraw_ByTheRecorderThatNoLongerSeesTheClient_IsWithdrawn()
    {
        var toMadona = ChildTransfer();
        toMadona.Transfer.DestinationMunicipality = "institutions/mun-madona";
        toMadona.Transfer.DestinationProvider = string.Empty;
        var transfer = await TransferClient.HandOverAsync(_gateway, "ccare-demo-latgale", toMadona, complete: false);
        var request = Respite(transfer.Client, new DateOnly(2025, 4, 7), 1);
        Assert.Equal(1, (await RecordAsync(_gateway, "mun-madona", request)).Accepted);
        var record = (await Records("lm").ListServiceRecordsAsync(new ListServiceRecordsRequest { Client = transfer.Client })).ServiceRecords.Single();
        await new TransferService.TransferServiceClient(_gateway.ChannelFor("ccare-demo-latgale"))
            .CancelTransferAsync(new CancelTransferRequest { Name = transfer.Name, Etag = transfer.Etag });
        Assert.Empty((await Records("mun-madona").ListServiceRecordsAsync(new ListServiceRecordsRequest { Client = transfer.Client })).ServiceRecords);

        var withdrawn = await WithdrawAsync("mun-madona", record.Name, WithdrawalReason.RecordedInError);

        Assert.Equal(("institutions/mun-madona", WithdrawalReason.RecordedInError), (withdrawn.WithdrawnBy.Name, withdrawn.WithdrawalReason));
    }

    [Fact]
    public async Task Withdraw_UnknownRecord_IsNotFound() =>
        await RpcAssert.FailsWith(StatusCode.NotFound, () => WithdrawAsync(RespiteProvider, UnknownRecord, WithdrawalReason.RecordedInError));

    [Theory]
    [InlineData("records/0195f0c2-0000-7000-8000-000000000001", WithdrawalReason.RecordedInError, "name")]
    [InlineData("serviceRecords/not-a-uuid", WithdrawalReason.RecordedInError, "name")]
    [InlineData(UnknownRecord, WithdrawalReason.Unspecified, "reason")]
    [InlineData(UnknownRecord, (WithdrawalReason)7, "reason")]
    public async Task Withdraw_MalformedNameOrReason_IsInvalidArgumentNamingTheField(string name, WithdrawalReason reason, string field) =>
        await RpcAssert.InvalidField(field, () => WithdrawAsync(RespiteProvider, name, reason));

    [Fact]
    public async Task Record_CorrectionOfARespiteRecordAtTheYearlyCap_IsRejectedBeforeTheWithdrawalAndAcceptedAfter()
    {
        var atCap = await RecordOneAsync(RespiteProvider, Respite(_child, new DateOnly(2025, 1, 6), 30));
        var corrected = Respite(_child, new DateOnly(2025, 1, 6), 20);

        var before = await RecordAsync(_gateway, RespiteProvider, corrected);
        await WithdrawAsync(RespiteProvider, atCap.Name, WithdrawalReason.Superseded);
        var after = await RecordAsync(_gateway, RespiteProvider, corrected);

        Assert.Equal("RESPITE_CARE_DAYS_PER_YEAR", Assert.Single(Assert.Single(before.Rejections).Reasons).Code);
        Assert.Equal((1, 0), (after.Accepted, after.Rejected));
    }

    [Fact]
    public async Task GetFundingReport_AfterAWithdrawal_DropsTheWithdrawnAmountAndStillSplitsEsfExactly()
    {
        long[] costs = [4_501, 9_007, 13_333];
        var sent = costs.Select((cost, i) => EsfRespite(new DateOnly(2022, 3, 7).AddDays(7 * i), cost)).ToArray();
        Assert.Equal(3, (await RecordAsync(_gateway, RespiteProvider, sent)).Accepted);
        var year = new GetFundingReportRequest
        {
            Period = new DateRange { StartDate = TransferRequests.Date(new DateOnly(2022, 1, 1)), EndDate = TransferRequests.Date(new DateOnly(2023, 1, 1)) },
        };
        var before = await Records("lm").GetFundingReportAsync(year);

        await WithdrawAsync(RespiteProvider, (await FindAsync(sent[1])).Name, WithdrawalReason.DuplicateRecord);
        var after = await Records("lm").GetFundingReportAsync(year);

        var total = costs.Sum() - costs[1];
        Assert.Equal((costs.Sum(), total), (before.Total.EuroCents, after.Total.EuroCents));
        Assert.Equal((total * 85 / 100, total - (total * 85 / 100)), (after.Esf.EuroCents, after.StateBudgetCoFinancing.EuroCents));
        var line = Assert.Single(after.Lines);
        Assert.Equal((2L, total, total), (line.Records, line.Total.EuroCents, line.Esf.EuroCents + line.StateBudgetCoFinancing.EuroCents));
    }

    [Fact]
    public async Task List_AfterAWithdrawal_LeavesTheRecordOutUnlessShowWithdrawn()
    {
        var standing = Respite(_child, new DateOnly(2025, 4, 7), 1);
        var mistaken = Respite(_child, new DateOnly(2025, 4, 14), 1);
        await RecordAsync(_gateway, RespiteProvider, standing, mistaken);

        var withdrawn = await WithdrawAsync(RespiteProvider, (await FindAsync(mistaken)).Name, WithdrawalReason.RecordedInError);
        var hidden = await ListAsync(RespiteProvider, showWithdrawn: false);
        var shown = await ListAsync(RespiteProvider, showWithdrawn: true);

        Assert.Equal([await FindAsync(standing)], hidden.ServiceRecords);
        Assert.Equal([await FindAsync(standing), withdrawn], shown.ServiceRecords.OrderBy(r => r.FirstDay.Day));
    }

    [Fact]
    public async Task List_PageTokenIssuedWithoutShowWithdrawn_PagesOnWithTheSameFilterAndIsRefusedWithIt()
    {
        await RecordAsync(_gateway, RespiteProvider, Respite(_child, new DateOnly(2025, 5, 5), 1), Respite(_child, new DateOnly(2025, 5, 12), 1));
        var first = await Records(RespiteProvider).ListServiceRecordsAsync(new ListServiceRecordsRequest { Client = _child, PageSize = 1 });

        var next = await Records(RespiteProvider).ListServiceRecordsAsync(
            new ListServiceRecordsRequest { Client = _child, PageSize = 1, PageToken = first.NextPageToken });

        Assert.Equal([5, 12], first.ServiceRecords.Concat(next.ServiceRecords).Select(r => r.FirstDay.Day).Order());
        await RpcAssert.InvalidField("page_token", async () => await Records(RespiteProvider).ListServiceRecordsAsync(
            new ListServiceRecordsRequest { Client = _child, PageSize = 1, PageToken = first.NextPageToken, ShowWithdrawn = true }));
    }

    [Fact]
    public async Task Record_ResentAfterItsWithdrawal_IsCountedAsDuplicateAsBeforeAndStaysWithdrawn()
    {
        var sent = Respite(_child, new DateOnly(2025, 5, 5), 3);
        var record = await RecordOneAsync(RespiteProvider, sent);
        var resentBefore = await RecordAsync(_gateway, RespiteProvider, sent);

        var withdrawn = await WithdrawAsync(RespiteProvider, record.Name, WithdrawalReason.RecordedInError);
        var resentAfter = await RecordAsync(_gateway, RespiteProvider, sent);

        Assert.Equal((0, 1, 0), (resentBefore.Accepted, resentBefore.Duplicate, resentBefore.Rejected));
        Assert.Equal(resentBefore, resentAfter);
        Assert.Equal([withdrawn], (await ListAsync(RespiteProvider, showWithdrawn: true)).ServiceRecords);
    }

    /// <summary>Records one service as the recorder and returns it as stored.</summary>
    private async Task<ServiceRecord> RecordOneAsync(string recorder, RecordServiceRequest request)
    {
        Assert.Equal(1, (await RecordAsync(_gateway, recorder, request)).Accepted);
        return await FindAsync(request);
    }

    /// <summary>The child's record of the request's first day, as the ministry sees it, withdrawn or not.</summary>
    private async Task<ServiceRecord> FindAsync(RecordServiceRequest request) =>
        (await ListAsync("lm", showWithdrawn: true)).ServiceRecords.Single(r => r.FirstDay.Equals(request.FirstDay));

    private async Task<ListServiceRecordsResponse> ListAsync(string caller, bool showWithdrawn) =>
        await Records(caller).ListServiceRecordsAsync(new ListServiceRecordsRequest { Client = _child, ShowWithdrawn = showWithdrawn });

    private async Task<ServiceRecord> WithdrawAsync(string caller, string name, WithdrawalReason reason) =>
        await Records(caller).WithdrawServiceRecordAsync(new WithdrawServiceRecordRequest { Name = name, Reason = reason });

    /// <summary>The outcomes of the access-log entries of withdrawals about the child, newest first.</summary>
    private async Task<List<AccessOutcome>> WithdrawalAccessesAsync() =>
        (await new AuditService.AuditServiceClient(_gateway.ChannelFor("lm")).ListClientAccessAsync(new ListClientAccessRequest { Parent = _child }))
            .Accesses.Where(a => a.Method == Rpcs.WithdrawServiceRecord).Select(a => a.Outcome).ToList();

    private RecordServiceRequest EsfRespite(DateOnly day, long costCents)
    {
        var request = Respite(_child, day, 1);
        request.Cost = new Money { EuroCents = costCents };
        request.FundingSource = FundingSource.EsfProject;
        request.EsfProjectCode = RigaProject;
        return request;
    }

    private ServiceRecordService.ServiceRecordServiceClient Records(string caller) => new(_gateway.ChannelFor(caller));
}
