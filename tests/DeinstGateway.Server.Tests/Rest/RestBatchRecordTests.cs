using System.Net;
using DeinstGateway.Core.Access;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Google.Protobuf;
using Google.Rpc;
using static DeinstGateway.Server.Tests.ServiceRecords.ServiceRecordRequests;

namespace DeinstGateway.Server.Tests.Rest;

/// <summary>
/// <c>POST /v1/serviceRecords:batchRecord</c>, the REST form of one RecordServiceBatches message, on a
/// gateway that writes two records per transaction so that one request spans several.
/// </summary>
public sealed class RestBatchRecordTests : IAsyncLifetime
{
    private static readonly string Purpose = DeclaredPurposeInterceptor.PurposeFor(Rpcs.BatchRecordServices, Core.Registry.InstitutionKind.ServiceProvider)!;
    private GatewayProcess _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayProcess.StartAsync(null, "ServiceRecords:RecordBatchSize=2");

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task BatchRecord_TheRecordsOfAStreamMessage_IsAnsweredAsTheStreamAnswersThem()
    {
        var overStream = await ChildAsync();
        var overRest = await ChildAsync();
        using var rest = RestClient.For(_gateway, RespiteProvider, RestClient.Http11);

        var streamed = await RecordBatchesAsync(_gateway, RespiteProvider, new RecordServiceBatch { Records = { Records(overStream) } });
        var answer = await rest.PostAsync("/v1/serviceRecords:batchRecord", JsonFormatter.Default.Format(new RecordServiceBatch { Records = { Records(overRest) } }), Purpose);

        var batched = answer.As<RecordServicesResponse>();
        Assert.Equal((3, 1, 3), (batched.Accepted, batched.Duplicate, batched.Rejected));
        Assert.Equal(Outcome(streamed), Outcome(batched));
    }

    [Fact]
    public async Task BatchRecord_OverAThousandRecords_IsInvalidArgumentNamingRecordsAndRecordsNothing()
    {
        var child = await ChildAsync();
        using var rest = RestClient.For(_gateway, RespiteProvider, RestClient.Http2);
        var batch = new RecordServiceBatch { Records = { Enumerable.Range(0, 1001).Select(i => Respite(child, new DateOnly(2025, 1, 1).AddDays(i % 300), 1)) } };

        var answer = await rest.PostAsync("/v1/serviceRecords:batchRecord", JsonFormatter.Default.Format(batch), Purpose);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(answer.Error().GetDetail<BadRequest>().FieldViolations, v => v.Field == "records");
        var listed = await new ServiceRecordService.ServiceRecordServiceClient(_gateway.ChannelFor("lm"))
            .ListServiceRecordsAsync(new ListServiceRecordsRequest { Client = child });
        Assert.Empty(listed.ServiceRecords);
    }

    /// <summary>Accepted, a resend of one, the yearly cap crossed, a record without dates and one with a bad id.</summary>
    private static RecordServiceRequest[] Records(string child)
    {
        var first = Respite(child, new DateOnly(2025, 1, 6), 20);
        var noDates = Respite(child, new DateOnly(2025, 5, 5), 1);
        noDates.FirstDay = null;
        var badId = Respite(child, new DateOnly(2025, 5, 12), 1);
        badId.RequestId = "not-a-uuid";
        return [first, Respite(child, new DateOnly(2025, 3, 3), 9), first, Respite(child, new DateOnly(2025, 6, 2), 1), Respite(child, new DateOnly(2025, 6, 9), 1), noDates, badId];
    }

    private static object Outcome(RecordServicesResponse answer) =>
        (answer.Accepted, answer.Duplicate, answer.Rejected, string.Join(",", answer.Rejections.SelectMany(r => r.Reasons).Select(r => r.Code)));

    private async Task<string> ChildAsync() => (await TransferClient.HandOverAsync(_gateway, "ccare-demo-latgale", ChildTransfer())).Client;
}
