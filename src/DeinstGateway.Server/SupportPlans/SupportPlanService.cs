using DeinstGateway.Core.Paging;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.SupportPlans;
using DeinstGateway.Server.Identity;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.SupportPlans;

public sealed class SupportPlanService(SupportPlanBook plans, IRegistrySnapshotSource registry) : Deinst.V1.SupportPlanService.SupportPlanServiceBase
{
    public override async Task<Deinst.V1.SupportPlan> PutSupportPlan(PutSupportPlanRequest request, ServerCallContext context)
    {
        var plan = request.SupportPlan ?? throw new Core.Errors.ValidationException("support_plan", "is required");
        var saved = await plans.PutAsync(context.GetCaller(), plan.ToDraft(), plan.Etag, context.CancellationToken);
        return saved.ToProto(await registry.GetAsync(context.CancellationToken));
    }

    public override async Task<Deinst.V1.SupportPlan> GetSupportPlan(GetSupportPlanRequest request, ServerCallContext context)
    {
        var (clientId, planId) = SupportPlanMapping.PlanName(request.Name, "name");
        var plan = await plans.GetAsync(context.GetCaller(), clientId, planId, context.CancellationToken);
        return plan.ToProto(await registry.GetAsync(context.CancellationToken));
    }

    public override async Task<ListSupportPlansResponse> ListSupportPlans(ListSupportPlansRequest request, ServerCallContext context)
    {
        var page = await plans.ListAsync(
            context.GetCaller(), Common.ResourceNames.ClientId(request.Parent, "parent"), new PageRequest(request.PageSize, request.PageToken), context.CancellationToken);
        var snapshot = await registry.GetAsync(context.CancellationToken);
        return new ListSupportPlansResponse { SupportPlans = { page.Items.Select(p => p.ToProto(snapshot)) }, NextPageToken = page.NextPageToken };
    }
}
