using DeinstGateway.Core.Capacity;
using DeinstGateway.Core.Registry;
using DeinstGateway.Server.Common;
using DeinstGateway.Server.Identity;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Capacity;

public sealed class CapacityService(CapacityCommands commands, CapacityQueries queries, CapacityFeed feed, IRegistrySnapshotSource registry)
    : Deinst.V1.CapacityService.CapacityServiceBase
{
    public override async Task<Deinst.V1.CapacityDeclaration> SetCapacity(SetCapacityRequest request, ServerCallContext context)
    {
        var declaration = await commands.DeclareAsync(
            context.GetCaller(),
            ResourceNames.InstitutionCode(request.Provider, "provider"),
            request.ServiceType.ToDomain("service_type"),
            request.Places,
            request.EffectiveFrom is null
                ? throw new Core.Errors.ValidationException("effective_from", "is required")
                : request.EffectiveFrom.ToDateOnly("effective_from"),
            context.CancellationToken);
        return declaration.ToProto(await registry.GetAsync(context.CancellationToken));
    }

    public override async Task<Deinst.V1.OccupancyDeclaration> SetOccupancy(SetOccupancyRequest request, ServerCallContext context)
    {
        var declaration = await commands.DeclareOccupancyAsync(
            context.GetCaller(),
            ResourceNames.InstitutionCode(request.Institution, "institution"),
            request.Places,
            request.Residents,
            request.EffectiveFrom is null
                ? throw new Core.Errors.ValidationException("effective_from", "is required")
                : request.EffectiveFrom.ToDateOnly("effective_from"),
            context.CancellationToken);
        return declaration.ToProto(await registry.GetAsync(context.CancellationToken));
    }

    public override async Task<QueryCapacityResponse> QueryCapacity(QueryCapacityRequest request, ServerCallContext context)
    {
        var report = await queries.QueryAsync(context.GetCaller(), request.ToFilter(), context.CancellationToken);
        return report.ToProto(await registry.GetAsync(context.CancellationToken));
    }

    public override async Task WatchCapacity(WatchCapacityRequest request, IServerStreamWriter<CapacityEvent> responseStream, ServerCallContext context)
    {
        await foreach (var message in feed.WatchAsync(context.GetCaller(), request.AfterSequence, context.CancellationToken))
        {
            var snapshot = await registry.GetAsync(context.CancellationToken);
            foreach (var capacityEvent in message.ToProto(snapshot))
            {
                await responseStream.WriteAsync(capacityEvent, context.CancellationToken);
            }
        }
    }
}
