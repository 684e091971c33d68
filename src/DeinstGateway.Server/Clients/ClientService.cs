using DeinstGateway.Core.ClientOverview;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Paging;
using DeinstGateway.Core.Registry;
using DeinstGateway.Server.Common;
using DeinstGateway.Server.Identity;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Clients;

public sealed class ClientService(ClientDirectory directory, ClientOverviews overviews, IRegistrySnapshotSource registry)
    : Deinst.V1.ClientService.ClientServiceBase
{
    public override async Task<Client> LookupClient(LookupClientRequest request, ServerCallContext context) =>
        (await directory.LookupAsync(context.GetCaller(), request.PersonalCode, context.CancellationToken)).ToProto();

    public override async Task<ClientOverview> GetClient(GetClientRequest request, ServerCallContext context)
    {
        var view = await overviews.GetAsync(context.GetCaller(), ResourceNames.ClientId(request.Name, "name"), context.CancellationToken);
        return view.ToProto(await registry.GetAsync(context.CancellationToken));
    }

    public override async Task<Client> RegisterClient(RegisterClientRequest request, ServerCallContext context) =>
        (await directory.RegisterAsync(context.GetCaller(), request.ToInput(), context.CancellationToken)).ToProto();

    public override async Task<Client> ChangeClientPersonalCode(ChangeClientPersonalCodeRequest request, ServerCallContext context) =>
        (await directory.ChangePersonalCodeAsync(
            context.GetCaller(), ResourceNames.ClientId(request.Name, "name"), request.PersonalCode, context.CancellationToken)).ToProto();

    public override async Task<ListClientsResponse> ListClients(ListClientsRequest request, ServerCallContext context)
    {
        var page = await directory.ListAsync(
            context.GetCaller(), request.ToFilter(), new PageRequest(request.PageSize, request.PageToken), context.CancellationToken);
        return new ListClientsResponse { Clients = { page.Items.Select(c => c.ToProto()) }, NextPageToken = page.NextPageToken };
    }
}
