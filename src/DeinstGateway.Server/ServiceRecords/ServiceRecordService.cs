using DeinstGateway.Core.Paging;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;
using DeinstGateway.Server.Identity;
using DeinstGateway.Server.Transfers;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.ServiceRecords;

public sealed class ServiceRecordService(
    ServiceRecording recording, ServiceRecordQueries queries, FundingReports reports, IRegistrySnapshotSource registry, TransferOptions options)
    : Deinst.V1.ServiceRecordService.ServiceRecordServiceBase
{
    /// <summary>Records arrive in batches, each written in one transaction; the answer sums them all.</summary>
    public override async Task<RecordServicesResponse> RecordServices(IAsyncStreamReader<RecordServiceRequest> requestStream, ServerCallContext context)
    {
        var caller = context.GetCaller();
        int accepted = 0, duplicates = 0;
        var rejections = new List<Core.ServiceRecords.RecordRejection>();
        var batch = new List<RecordInput>(options.SubmitBatchSize);
        async Task FlushAsync()
        {
            var summary = await recording.RecordAsync(caller, batch, context.CancellationToken);
            accepted += summary.Accepted;
            duplicates += summary.Duplicate;
            rejections.AddRange(summary.Rejections);
            batch.Clear();
        }

        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            batch.Add(request.ToInput());
            if (batch.Count == options.SubmitBatchSize)
            {
                await FlushAsync();
            }
        }

        if (batch.Count > 0)
        {
            await FlushAsync();
        }

        return new RecordSummary(accepted, duplicates, rejections).ToProto();
    }

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
            request.EsfProjectCode.Length == 0 ? null : request.EsfProjectCode,
            context.CancellationToken);
        return report.ToProto();
    }

    public override async Task<ListServiceRecordsResponse> ListServiceRecords(ListServiceRecordsRequest request, ServerCallContext context)
    {
        var page = await queries.ListAsync(context.GetCaller(), request.ToFilter(), new PageRequest(request.PageSize, request.PageToken), context.CancellationToken);
        var snapshot = await registry.GetAsync(context.CancellationToken);
        return new ListServiceRecordsResponse { ServiceRecords = { page.Items.Select(r => r.ToProto(snapshot)) }, NextPageToken = page.NextPageToken };
    }
}
