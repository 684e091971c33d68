using DeinstGateway.Server.Tests.Infrastructure;
using DeinstGateway.Server.Tests.ServiceRecords;
using Deinst.V1;

namespace DeinstGateway.Server.Tests.Limits;

/// <summary>
/// The answers of the writing streams stay small whatever the sender puts in them, so that a stream
/// whose records were written always gets the answer that says so: ids that are not UUIDs are echoed
/// cut to 36 characters, and a RecordServices answer lists at most 100 rejections.
/// </summary>
public sealed class StreamAnswerSizeTests : IAsyncLifetime
{
    private static readonly string HugeId = new('x', 2 * 1024 * 1024);

    private GatewayProcess _gateway = null!;
    private string _child = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayProcess.StartAsync();
        _child = (await TransferClient.HandOverAsync(_gateway, "ccare-demo-latgale", ServiceRecordRequests.ChildTransfer())).Client;
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task RecordServices_ThreeRejectedRecordsWithTwoMebibyteIdsThenAValidOne_AnswersThatTheValidOneWasStored()
    {
        var rejected = Enumerable.Range(0, 3).Select(i => HugeIdRespite(new DateOnly(2025, 1, 6).AddDays(i))).ToArray();
        var valid = ServiceRecordRequests.Respite(_child, new DateOnly(2025, 3, 3), 1);

        var answer = await ServiceRecordRequests.RecordAsync(_gateway, ServiceRecordRequests.RespiteProvider, [.. rejected, valid]);

        Assert.Equal((1, 0, 3), (answer.Accepted, answer.Duplicate, answer.Rejected));
        Assert.All(answer.Rejections, r =>
        {
            Assert.Equal(HugeId[..36], r.RequestId);
            Assert.Equal("REQUEST_ID_INVALID", Assert.Single(r.Reasons).Code);
        });
        var stored = await new ServiceRecordService.ServiceRecordServiceClient(_gateway.ChannelFor("lm"))
            .ListServiceRecordsAsync(new ListServiceRecordsRequest { Client = _child });
        Assert.Equal(valid.FirstDay, Assert.Single(stored.ServiceRecords).FirstDay);
    }

    [Fact]
    public async Task RecordServiceBatches_TwoHundredFiftyRejectedRecords_ListsTheFirstHundredAndCountsThemAll()
    {
        var rejected = Enumerable.Range(0, 250).Select(i =>
        {
            var record = ServiceRecordRequests.Respite(_child, new DateOnly(2025, 1, 6), 1);
            record.RequestId = $"not-a-uuid-{i}";
            return record;
        });
        var batch = new RecordServiceBatch { Records = { rejected, ServiceRecordRequests.Respite(_child, new DateOnly(2025, 3, 3), 1) } };

        var answer = await ServiceRecordRequests.RecordBatchesAsync(_gateway, ServiceRecordRequests.RespiteProvider, batch);

        Assert.Equal((1, 250), (answer.Accepted, answer.Rejected));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"not-a-uuid-{i}"), answer.Rejections.Select(r => r.RequestId));
    }

    [Fact]
    public async Task SubmitTransfers_TwoMebibyteRequestId_IsRejectedEchoingItCut_AndTheNextMessageIsCreated()
    {
        var huge = TransferRequests.Valid();
        huge.RequestId = HugeId;

        var answers = await TransferClient.SubmitAsync(_gateway, "vsac-zemgale-jelgava", [huge, TransferRequests.Valid()]);

        Assert.Equal([SubmitOutcome.Rejected, SubmitOutcome.Created], answers.Select(a => a.Outcome));
        Assert.Equal(HugeId[..36], answers[0].RequestId);
    }

    private RecordServiceRequest HugeIdRespite(DateOnly day)
    {
        var record = ServiceRecordRequests.Respite(_child, day, 1);
        record.RequestId = HugeId;
        return record;
    }
}
