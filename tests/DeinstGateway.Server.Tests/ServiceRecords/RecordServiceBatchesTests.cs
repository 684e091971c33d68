using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;
using static DeinstGateway.Server.Tests.ServiceRecords.ServiceRecordRequests;

namespace DeinstGateway.Server.Tests.ServiceRecords;

/// <summary>RecordServiceBatches through gRPC: several records per message, decided as if each came alone.</summary>
public sealed class RecordServiceBatchesTests : IAsyncLifetime
{
    private GatewayProcess _gateway = null!;
    private string _child = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayProcess.StartAsync(null, "ServiceRecords:RecordBatchSize=2");
        _child = (await TransferClient.CreateAsync(_gateway, "ccare-demo-latgale", ChildTransfer())).Client;
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task RecordBatches_CapsResendsAndBadRecordsAcrossMessages_AreAnsweredAsIfEachRecordCameAlone()
    {
        var first = Respite(_child, new DateOnly(2025, 1, 6), 20);
        var unknownClient = Respite(_child, new DateOnly(2025, 2, 3), 1);
        unknownClient.Client = "clients/" + Guid.NewGuid();
        var overTheCap = Respite(_child, new DateOnly(2025, 6, 2), 1);

        var response = await RecordBatchesAsync(_gateway, RespiteProvider,
            new RecordServiceBatch { Records = { first, Respite(_child, new DateOnly(2025, 3, 3), 10), unknownClient } },
            new RecordServiceBatch { Records = { overTheCap, first } },
            new RecordServiceBatch { Records = { Respite(_child, new DateOnly(2026, 1, 5), 1) } });

        Assert.Equal((3, 1, 2), (response.Accepted, response.Duplicate, response.Rejected));
        Assert.Equal(
            [(unknownClient.RequestId, "CLIENT_UNKNOWN"), (overTheCap.RequestId, "RESPITE_CARE_DAYS_PER_YEAR")],
            response.Rejections.Select(r => (r.RequestId, Assert.Single(r.Reasons).Code)));
        Assert.Equal(3, (await Records().ListServiceRecordsAsync(new ListServiceRecordsRequest { Client = _child })).ServiceRecords.Count);
    }

    [Fact]
    public async Task RecordBatches_RecordSentBeforeOnRecordServices_IsDuplicate()
    {
        var record = Respite(_child, new DateOnly(2025, 4, 7), 1);
        await RecordAsync(_gateway, RespiteProvider, record);

        var response = await RecordBatchesAsync(_gateway, RespiteProvider, new RecordServiceBatch { Records = { record } });

        Assert.Equal((0, 1, 0), (response.Accepted, response.Duplicate, response.Rejected));
    }

    [Fact]
    public async Task RecordBatches_MessageOverTheRecordLimit_IsInvalidArgumentAfterWhatCameBeforeIsRecorded()
    {
        var before = new RecordServiceBatch { Records = { Respite(_child, new DateOnly(2025, 5, 5), 1), Respite(_child, new DateOnly(2025, 5, 12), 1), Respite(_child, new DateOnly(2025, 5, 19), 1) } };
        var tooLarge = new RecordServiceBatch { Records = { Enumerable.Range(0, 1001).Select(i => Respite(_child, new DateOnly(2024, 1, 1).AddDays(i % 300), 1)) } };

        await RpcAssert.InvalidField("records", () => RecordBatchesAsync(_gateway, RespiteProvider, before, tooLarge));

        var stored = (await Records().ListServiceRecordsAsync(new ListServiceRecordsRequest { Client = _child })).ServiceRecords;
        Assert.Equal([5, 12, 19], stored.Select(r => r.FirstDay.Day).Order());
    }

    private ServiceRecordService.ServiceRecordServiceClient Records() => new(_gateway.ChannelFor("lm"));
}
