using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Paging;
using DeinstGateway.Server.Common;
using DeinstGateway.Server.Identity;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Audit;

public sealed class AuditService(AccessLogQueries queries) : Deinst.V1.AuditService.AuditServiceBase
{
    public override async Task<ListClientAccessResponse> ListClientAccess(ListClientAccessRequest request, ServerCallContext context)
    {
        var page = await queries.ListClientAccessAsync(
            context.GetCaller(), ResourceNames.ClientId(request.Parent, "parent"), new PageRequest(request.PageSize, request.PageToken), context.CancellationToken);
        return new ListClientAccessResponse { Accesses = { page.Items.Select(e => e.ToProto()) }, NextPageToken = page.NextPageToken };
    }

    public override async Task<VerifyAuditLogResponse> VerifyAuditLog(VerifyAuditLogRequest request, ServerCallContext context) =>
        (await queries.VerifyAsync(request.Checkpoint.Length == 0 ? null : request.Checkpoint, context.CancellationToken)).ToProto();
}
