using DeinstGateway.Core.Access;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.Clients;

/// <summary>
/// Decides whether a call reaches a client, by the one client scope of the call. A call about an
/// existing client outside the scope is refused like one about an unknown client, and leaves a
/// REFUSED entry in the person's access log: the person can learn who tried.
/// </summary>
public sealed class ClientGuard(IClientStore clients, IRegistrySnapshotSource registry, IAccessLog accessLog, GatewayCalendar calendar)
{
    public async Task<ClientScope> ScopeAsync(Caller caller, string method, CancellationToken cancellationToken) =>
        ClientScope.For(caller, method, await registry.GetAsync(cancellationToken), calendar.Today);

    /// <summary>True when <paramref name="method"/> reaches the client for the caller; otherwise logs a refusal if the client exists.</summary>
    public async Task<bool> ReachesAsync(Caller caller, string method, string clientId, CancellationToken cancellationToken) =>
        await InScopeAsync(caller, await ScopeAsync(caller, method, cancellationToken), clientId, cancellationToken);

    /// <summary>Throws NOT_FOUND for the resource unless the call reaches the client; returns the scope it reached it through.</summary>
    public async Task<ClientScope> EnsureReachesAsync(
        Caller caller, string method, string clientId, string resourceType, string resourceName, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(caller, method, cancellationToken);
        return await InScopeAsync(caller, scope, clientId, cancellationToken) ? scope : throw new Errors.NotFoundException(resourceType, resourceName);
    }

    private async Task<bool> InScopeAsync(Caller caller, ClientScope scope, string clientId, CancellationToken cancellationToken)
    {
        var reach = await clients.ReachAsync(clientId, scope, cancellationToken);
        if (reach == ClientReach.OutOfScope)
        {
            await RefuseAsync(caller, clientId, cancellationToken);
        }

        return reach == ClientReach.InScope;
    }

    public Task RefuseAsync(Caller caller, string clientId, CancellationToken cancellationToken) =>
        accessLog.RecordReadsAsync([AccessEntry.Of(caller, clientId, AccessOutcome.Refused, calendar.Now)], cancellationToken);
}
