using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using static DeinstGateway.Server.Tests.ServiceRecords.ServiceRecordRequests;

namespace DeinstGateway.Server.Tests.ServiceRecords;

/// <summary>
/// Streams longer than a transaction batch (two records here): each batch is prepared while the
/// one before is written, yet every record is decided as if the stream came one by one, also when
/// RecordServiceBatches packs several records into one message.
/// </summary>
public sealed class RecordServicesBatchTests : IAsyncLifetime
{
    private GatewayProcess _gateway = null!;
    private string _child = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayProcess.StartAsync(null, "ServiceRecords:RecordBatchSize=2");
        _child = (await TransferClient.HandOverAsync(_gateway, "ccare-demo-latgale", ChildTransfer())).Client;
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Record_YearlyCapReachedInAnEarlierBatch_RejectsTheDayOverItInALaterBatch()
    {
        var response = await RecordAsync(
            Respite(new DateOnly(2025, 1, 6), 20),
            Respite(new DateOnly(2025, 3, 3), 9),
            Respite(new DateOnly(2025, 6, 2), 1),
            Respite(new DateOnly(2025, 6, 9), 1),
            Respite(new DateOnly(2026, 1, 5), 1));

        Assert.Equal((4, 0, 1), (response.Accepted, response.Duplicate, response.Rejected));
        Assert.Equal("RESPITE_CARE_DAYS_PER_YEAR", Assert.Single(Assert.Single(response.Rejections).Reasons).Code);
    }

    [Fact]
    public async Task Record_ResentInALaterBatchOfTheStream_IsDuplicateAndNotCountedAgain_AndItsIdWithOtherContentRejected()
    {
        var record = Respite(new DateOnly(2025, 2, 3), 29);
        var changed = record.Clone();
        changed.Quantity = 1;
        changed.LastDay = changed.FirstDay;

        var response = await RecordAsync(
            record, Respite(new DateOnly(2025, 3, 3), 1),
            changed, record,
            Respite(new DateOnly(2025, 4, 7), 1));

        Assert.Equal((2, 1, 2), (response.Accepted, response.Duplicate, response.Rejected));
        Assert.Equal(
            ["REQUEST_ID_REUSED", "RESPITE_CARE_DAYS_PER_YEAR"],
            response.Rejections.Select(r => Assert.Single(r.Reasons).Code));
    }

    [Fact]
    public async Task Record_MalformedRecordsInEveryBatch_AreRejectedAloneWhileTheOthersAreWrittenWithAnAccessLogEntryEach()
    {
        var noDates = Respite(new DateOnly(2025, 5, 5), 1);
        noDates.FirstDay = null;
        var badId = Respite(new DateOnly(2025, 5, 12), 1);
        badId.RequestId = "not-a-uuid";

        var response = await RecordAsync(noDates, Respite(new DateOnly(2025, 5, 19), 1), badId, badId, Respite(new DateOnly(2025, 5, 26), 1));

        Assert.Equal((2, 0, 3), (response.Accepted, response.Duplicate, response.Rejected));
        Assert.Equal(["PERIOD_MISSING", "REQUEST_ID_INVALID", "REQUEST_ID_INVALID"], response.Rejections.Select(r => Assert.Single(r.Reasons).Code));
        var listed = await new ServiceRecordService.ServiceRecordServiceClient(_gateway.ChannelFor("lm"))
            .ListServiceRecordsAsync(new ListServiceRecordsRequest { Client = _child });
        var accesses = await new AuditService.AuditServiceClient(_gateway.ChannelFor("lm"))
            .ListClientAccessAsync(new ListClientAccessRequest { Parent = _child });
        Assert.Equal(2, listed.ServiceRecords.Count);
        Assert.Equal(2, accesses.Accesses.Count(a => a.Method == "/deinst.v1.ServiceRecordService/RecordServices" && a.Outcome == AccessOutcome.Written));
    }

    [Fact]
    public async Task Record_OnTheFirstOrLastDayOfTheCalendar_IsRejectedAloneWhileItsBatchIsWritten()
    {
        var first = Respite(new DateOnly(2025, 7, 7), 1);
        first.FirstDay = first.LastDay = TransferRequests.Date(DateOnly.MinValue);
        var last = Respite(new DateOnly(2025, 7, 14), 1);
        last.FirstDay = last.LastDay = TransferRequests.Date(DateOnly.MaxValue);

        var response = await RecordAsync(first, Respite(new DateOnly(2025, 7, 21), 1), last, Respite(new DateOnly(2025, 7, 28), 1));

        Assert.Equal((2, 0, 2), (response.Accepted, response.Duplicate, response.Rejected));
        Assert.Equal([first.RequestId, last.RequestId], response.Rejections.Select(r => r.RequestId));
    }

    [Fact]
    public async Task Record_BatchThatCannotBeWritten_EndsTheCallWhileTheClientStillSends_AndStoresNothingOfIt()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "ServiceRecords:RecordBatchSize=2", "Database:CommandTimeoutSeconds=1");
        var child = (await TransferClient.HandOverAsync(gateway, "ccare-demo-latgale", ChildTransfer())).Client;
        using var call = new ServiceRecordService.ServiceRecordServiceClient(gateway.ChannelFor(RespiteProvider)).RecordServices();

        await using (var writer = new SqliteConnection($"Data Source={gateway.DatabasePath};Pooling=False"))
        {
            await writer.OpenAsync();
            await using var command = writer.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE";
            await command.ExecuteNonQueryAsync();

            // Three records and no end of stream: the first batch waits for the lock held here until
            // the database gives up, while the gateway waits for the second batch's next record.
            foreach (var day in new[] { 1, 8, 15 })
            {
                await call.RequestStream.WriteAsync(ServiceRecordRequests.Respite(child, new DateOnly(2025, 9, day), 1));
            }

            await RpcAssert.FailsWith(StatusCode.Internal, () => call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(30)));
            command.CommandText = "ROLLBACK";
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal(["0"], await SqliteFile.ColumnAsync(gateway.DatabasePath, "SELECT COUNT(*) FROM service_records"));
    }

    private Task<RecordServicesResponse> RecordAsync(params RecordServiceRequest[] records) =>
        ServiceRecordRequests.RecordAsync(_gateway, RespiteProvider, records);

    [Fact]
    public async Task RecordBatches_CapsResendsAndBadRecordsAcrossMessages_AreAnsweredAsIfEachRecordCameAlone()
    {
        var first = Respite(new DateOnly(2025, 1, 6), 20);
        var unknownClient = Respite(new DateOnly(2025, 2, 3), 1);
        unknownClient.Client = "clients/" + Guid.NewGuid();
        var overTheCap = Respite(new DateOnly(2025, 6, 2), 1);

        var response = await RecordBatchesAsync(_gateway, RespiteProvider,
            new RecordServiceBatch { Records = { first, Respite(new DateOnly(2025, 3, 3), 10), unknownClient } },
            new RecordServiceBatch { Records = { overTheCap, first } },
            new RecordServiceBatch { Records = { Respite(new DateOnly(2026, 1, 5), 1) } });

        Assert.Equal((3, 1, 2), (response.Accepted, response.Duplicate, response.Rejected));
        Assert.Equal(
            [(unknownClient.RequestId, "CLIENT_UNKNOWN"), (overTheCap.RequestId, "RESPITE_CARE_DAYS_PER_YEAR")],
            response.Rejections.Select(r => (r.RequestId, Assert.Single(r.Reasons).Code)));
        Assert.Equal(3, (await Records().ListServiceRecordsAsync(new ListServiceRecordsRequest { Client = _child })).ServiceRecords.Count);
    }

    [Fact]
    public async Task RecordBatches_RecordSentBeforeOnRecordServices_IsDuplicate()
    {
        var record = Respite(new DateOnly(2025, 4, 7), 1);
        await RecordAsync(record);

        var response = await RecordBatchesAsync(_gateway, RespiteProvider, new RecordServiceBatch { Records = { record } });

        Assert.Equal((0, 1, 0), (response.Accepted, response.Duplicate, response.Rejected));
    }

    [Fact]
    public async Task RecordBatches_MessageOverTheRecordLimit_IsInvalidArgumentAfterWhatCameBeforeIsRecorded()
    {
        var before = new RecordServiceBatch { Records = { Respite(new DateOnly(2025, 5, 5), 1), Respite(new DateOnly(2025, 5, 12), 1), Respite(new DateOnly(2025, 5, 19), 1) } };
        var tooLarge = new RecordServiceBatch { Records = { Enumerable.Range(0, 1001).Select(i => Respite(new DateOnly(2024, 1, 1).AddDays(i % 300), 1)) } };

        await RpcAssert.InvalidField("records", () => RecordBatchesAsync(_gateway, RespiteProvider, before, tooLarge));

        var stored = (await Records().ListServiceRecordsAsync(new ListServiceRecordsRequest { Client = _child })).ServiceRecords;
        Assert.Equal([5, 12, 19], stored.Select(r => r.FirstDay.Day).Order());
    }

    private RecordServiceRequest Respite(DateOnly firstDay, int days) => ServiceRecordRequests.Respite(_child, firstDay, days);

    private ServiceRecordService.ServiceRecordServiceClient Records() => new(_gateway.ChannelFor("lm"));
}
