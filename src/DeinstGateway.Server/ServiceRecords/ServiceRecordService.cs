using DeinstGateway.Core.Paging;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;
using DeinstGateway.Server.Identity;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.ServiceRecords;

public sealed class ServiceRecordService(
    RecordingPipeline recording,
    ServiceRecordQueries queries,
    ServiceRecordWithdrawals withdrawals,
    FundingReports reports,
    IRegistrySnapshotSource registry) : Deinst.V1.ServiceRecordService.ServiceRecordServiceBase
{
    /// <summary>Records arrive in batches, each written in one transaction; the answer sums them all.</summary>
    public override async Task<RecordServicesResponse> RecordServices(IAsyncStreamReader<RecordServiceRequest> requestStream, ServerCallContext context) =>
        (await recording.RunAsync(context.GetCaller(), requestStream, context.CancellationToken)).ToProto();

    /// <summary>The same, several records per message.</summary>
    public override async Task<RecordServicesResponse> RecordServiceBatches(IAsyncStreamReader<RecordServiceBatch> requestStream, ServerCallContext context) =>
        (await recording.RunAsync(context.GetCaller(), requestStream, context.CancellationToken)).ToProto();

    /// <summary>One message of RecordServiceBatches, answered as that stream would answer it.</summary>
    public override async Task<RecordServicesResponse> BatchRecordServices(RecordServiceBatch request, ServerCallContext context) =>
        (await recording.RunAsync(context.GetCaller(), new SingleMessageReader<RecordServiceBatch>(request), context.CancellationToken)).ToProto();

    public override async Task<Deinst.V1.FundingReport> GetFundingReport(GetFundingReportRequest request, ServerCallContext context)
    {
        var start = request.Period?.StartDate ?? throw new Core.Errors.ValidationException("period.start_date", "is required");
        var end = request.Period.EndDate ?? throw new Core.Errors.ValidationException("period.end_date", "is required");
        var report = await reports.GetAsync(
            context.GetCaller(),
            Common.DateMapping.ToDateOnly(start, "period.start_date"),
            Common.DateMapping.ToDateOnly(end, "period.end_date"),
            Common.ResourceNames.OptionalInstitutionCode(request.PlanningRegion, "planning_region"),
            Common.ResourceNames.OptionalInstitutionCode(request.Municipality, "municipality"),
            request.ToProjectChoice(),
            context.CancellationToken);
        return report.ToProto();
    }

    public override async Task<ListServiceRecordsResponse> ListServiceRecords(ListServiceRecordsRequest request, ServerCallContext context)
    {
        var page = await queries.ListAsync(context.GetCaller(), request.ToFilter(), new PageRequest(request.PageSize, request.PageToken), context.CancellationToken);
        var snapshot = await registry.GetAsync(context.CancellationToken);
        return new ListServiceRecordsResponse { ServiceRecords = { page.Items.Select(r => r.ToProto(snapshot)) }, NextPageToken = page.NextPageToken };
    }

    public override async Task<Deinst.V1.ServiceRecord> WithdrawServiceRecord(WithdrawServiceRecordRequest request, ServerCallContext context)
    {
        var record = await withdrawals.WithdrawAsync(
            context.GetCaller(), ServiceRecordMapping.ServiceRecordId(request.Name), request.Reason.ToDomain(), context.CancellationToken);
        return record.ToProto(await registry.GetAsync(context.CancellationToken));
    }
}
