using DeinstGateway.Core.Monitoring;
using DeinstGateway.Core.Paging;
using DeinstGateway.Core.Registry;
using DeinstGateway.Server.Common;
using DeinstGateway.Server.Identity;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Monitoring;

public sealed class MonitoringService(MonitoringQueries queries, IRegistrySnapshotSource registry) : Deinst.V1.MonitoringService.MonitoringServiceBase
{
    public override async Task<ListTransferCountsResponse> ListTransferCounts(ListTransferCountsRequest request, ServerCallContext context)
    {
        var page = await queries.TransferCountsAsync(
            context.GetCaller(), request.Filter.ToDomain(), new PageRequest(request.PageSize, request.PageToken), context.CancellationToken);
        var snapshot = await registry.GetAsync(context.CancellationToken);
        return new ListTransferCountsResponse { Counts = { page.Items.Select(r => r.ToTransferCount(snapshot)) }, NextPageToken = page.NextPageToken };
    }

    public override async Task<ListTransferDurationsResponse> ListTransferDurations(ListTransferDurationsRequest request, ServerCallContext context)
    {
        var rows = await queries.TransferDurationsAsync(context.GetCaller(), request.Filter.ToDomain(), context.CancellationToken);
        var snapshot = await registry.GetAsync(context.CancellationToken);
        return new ListTransferDurationsResponse { Durations = { rows.Select(r => r.ToProto(snapshot)) } };
    }

    public override async Task<ListOccupancyResponse> ListOccupancy(ListOccupancyRequest request, ServerCallContext context)
    {
        var page = await queries.OccupancyAsync(
            context.GetCaller(), request.Filter.ToDomain(), new PageRequest(request.PageSize, request.PageToken), context.CancellationToken);
        var snapshot = await registry.GetAsync(context.CancellationToken);
        return new ListOccupancyResponse { Occupancy = { page.Items.Select(r => r.ToOccupancy(snapshot)) }, NextPageToken = page.NextPageToken };
    }

    public override async Task<ListSupportPlanCountsResponse> ListSupportPlanCounts(ListSupportPlanCountsRequest request, ServerCallContext context)
    {
        var page = await queries.SupportPlanCountsAsync(
            context.GetCaller(), request.Filter.ToDomain(), new PageRequest(request.PageSize, request.PageToken), context.CancellationToken);
        var snapshot = await registry.GetAsync(context.CancellationToken);
        return new ListSupportPlanCountsResponse { Counts = { page.Items.Select(r => r.ToSupportPlanCount(snapshot)) }, NextPageToken = page.NextPageToken };
    }

    public override async Task<ListAssessmentCountsResponse> ListAssessmentCounts(ListAssessmentCountsRequest request, ServerCallContext context)
    {
        var page = await queries.AssessmentCountsAsync(
            context.GetCaller(), request.Filter.ToDomain(), new PageRequest(request.PageSize, request.PageToken), context.CancellationToken);
        var snapshot = await registry.GetAsync(context.CancellationToken);
        return new ListAssessmentCountsResponse { Counts = { page.Items.Select(r => r.ToAssessmentCount(snapshot)) }, NextPageToken = page.NextPageToken };
    }

    public override async Task<ListServiceVolumesResponse> ListServiceVolumes(ListServiceVolumesRequest request, ServerCallContext context)
    {
        var page = await queries.ServiceVolumesAsync(
            context.GetCaller(), request.Filter.ToDomain(), new PageRequest(request.PageSize, request.PageToken), context.CancellationToken);
        var snapshot = await registry.GetAsync(context.CancellationToken);
        return new ListServiceVolumesResponse { Volumes = { page.Items.Select(r => r.ToServiceVolume(snapshot)) }, NextPageToken = page.NextPageToken };
    }

    public override async Task<ListPlanProgressResponse> ListPlanProgress(ListPlanProgressRequest request, ServerCallContext context)
    {
        var rows = await queries.PlanProgressAsync(
            context.GetCaller(),
            request.Years.Distinct().ToList(),
            ResourceNames.OptionalInstitutionCode(request.PlanningRegion, "planning_region"),
            context.CancellationToken);
        var snapshot = await registry.GetAsync(context.CancellationToken);
        return new ListPlanProgressResponse { Progress = { rows.Select(r => r.ToProto(snapshot)) } };
    }
}
