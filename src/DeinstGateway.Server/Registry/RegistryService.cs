using DeinstGateway.Core.Paging;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;
using DeinstGateway.Server.Common;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Registry;

public sealed class RegistryService(RegistryQueries queries, GatewayCalendar calendar) : Deinst.V1.RegistryService.RegistryServiceBase
{
    public override async Task<Deinst.V1.Institution> GetInstitution(GetInstitutionRequest request, ServerCallContext context)
    {
        var code = ResourceNames.InstitutionCode(request.Name, "name");
        var institution = await queries.GetInstitutionAsync(code, context.CancellationToken);
        return institution.ToProto();
    }

    public override async Task<ListInstitutionsResponse> ListInstitutions(ListInstitutionsRequest request, ServerCallContext context)
    {
        var filter = request.ToFilter(calendar.Today);
        var page = await queries.ListInstitutionsAsync(
            filter, new PageRequest(request.PageSize, request.PageToken), context.CancellationToken);
        return new ListInstitutionsResponse
        {
            Institutions = { page.Items.Select(i => i.ToProto()) },
            NextPageToken = page.NextPageToken,
        };
    }

    public override async Task<ListServiceTypesResponse> ListServiceTypes(ListServiceTypesRequest request, ServerCallContext context)
    {
        var serviceTypes = await queries.ListServiceTypesAsync(context.CancellationToken);
        return new ListServiceTypesResponse { ServiceTypes = { serviceTypes.Select(s => s.ToProto()) } };
    }
}
