using DeinstGateway.Core.Assessments;
using DeinstGateway.Core.Paging;
using DeinstGateway.Core.Registry;
using DeinstGateway.Server.Common;
using DeinstGateway.Server.Identity;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Assessments;

public sealed class NeedsAssessmentService(NeedsAssessments assessments, IRegistrySnapshotSource registry)
    : Deinst.V1.NeedsAssessmentService.NeedsAssessmentServiceBase
{
    public override async Task<Deinst.V1.NeedsAssessment> CreateNeedsAssessment(CreateNeedsAssessmentRequest request, ServerCallContext context)
    {
        var draft = request.ToDraft();
        var created = await assessments.CreateAsync(context.GetCaller(), draft, context.CancellationToken);
        return created.ToProto(await registry.GetAsync(context.CancellationToken));
    }

    public override async Task<Deinst.V1.NeedsAssessment> GetNeedsAssessment(GetNeedsAssessmentRequest request, ServerCallContext context)
    {
        var (clientId, assessmentId) = NeedsAssessmentMapping.AssessmentName(request.Name, "name");
        var assessment = await assessments.GetAsync(context.GetCaller(), clientId, assessmentId, context.CancellationToken);
        return assessment.ToProto(await registry.GetAsync(context.CancellationToken));
    }

    public override async Task<ListNeedsAssessmentsResponse> ListNeedsAssessments(ListNeedsAssessmentsRequest request, ServerCallContext context)
    {
        var page = await assessments.ListAsync(
            context.GetCaller(), ResourceNames.ClientId(request.Parent, "parent"), new PageRequest(request.PageSize, request.PageToken), context.CancellationToken);
        var snapshot = await registry.GetAsync(context.CancellationToken);
        return new ListNeedsAssessmentsResponse
        {
            NeedsAssessments = { page.Items.Select(a => a.ToProto(snapshot)) },
            NextPageToken = page.NextPageToken,
        };
    }
}
