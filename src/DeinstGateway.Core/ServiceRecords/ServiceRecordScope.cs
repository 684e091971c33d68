using DeinstGateway.Core.Access;
using DeinstGateway.Core.Capacity;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.ServiceRecords;

/// <summary>
/// Records delivered by one of the providers, or about a client in <see cref="Clients"/> (for a
/// municipality: the clients it is responsible for today), wherever delivered.
/// </summary>
public sealed record ServiceRecordScope(IReadOnlyCollection<string> ProviderCodes, ClientScope? Clients)
{
    /// <summary>
    /// The records the caller may list, as the access matrix grants listing them to its kind; null
    /// for every record. A record outside it does not exist for the caller, unless the caller
    /// recorded it: a municipality that is no longer responsible for the client can still withdraw
    /// what it reported by mistake.
    /// </summary>
    public static ServiceRecordScope? Of(Caller caller, RegistrySnapshot snapshot, DateOnly today)
    {
        var scope = AccessMatrix.Find(Rpcs.ListServiceRecords, caller.Kind)!.Scope;
        return scope == AccessScope.All
            ? null
            : new ServiceRecordScope(
                CapacityQueries.ProvidersInScope(caller, snapshot).Select(p => p.Code).ToList(),
                scope == AccessScope.OwnMunicipality ? ClientScope.For(caller, Rpcs.ListServiceRecords, snapshot, today) : null);
    }
}
