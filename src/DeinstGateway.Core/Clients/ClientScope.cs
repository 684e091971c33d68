using DeinstGateway.Core.Access;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Clients;

public enum ClientScopeKind
{
    /// <summary>No client.</summary>
    None,

    /// <summary>Every client (the ministry).</summary>
    All,

    /// <summary>Clients one of the institutions is responsible for on the scope's day.</summary>
    Responsible,

    /// <summary>Clients one of the providers serves on the scope's day.</summary>
    Provided,

    /// <summary>Clients of transfers one of the institutions (or a branch of it) sent, unless cancelled.</summary>
    Sent,
}

/// <summary>
/// Which clients a caller reaches through one call, as the access matrix grants the call to its
/// kind: the one rule every capability asks (transfers by destination have a scope of their own).
/// A client outside it does not exist for the caller.
/// </summary>
public sealed record ClientScope(ClientScopeKind Kind, IReadOnlyCollection<string> InstitutionCodes, DateOnly On)
{
    public static ClientScope For(Caller caller, string method, RegistrySnapshot snapshot, DateOnly today)
    {
        var kind = KindFor(caller, method);
        IReadOnlyCollection<string> codes = kind switch
        {
            ClientScopeKind.All or ClientScopeKind.None => [],
            // A planning region coordinates the clients its municipalities are responsible for.
            ClientScopeKind.Responsible when caller.Kind == InstitutionKind.PlanningRegion => snapshot.Institutions
                .Where(i => i.Kind == InstitutionKind.Municipality && i.PlanningRegion?.Code == caller.InstitutionCode)
                .Select(i => i.Code)
                .ToList(),
            _ => [caller.InstitutionCode],
        };
        return new ClientScope(kind, codes, today);
    }

    /// <summary>The relation through which the access matrix lets the caller's kind reach clients on this call.</summary>
    public static ClientScopeKind KindFor(Caller caller, string method) => AccessMatrix.Find(method, caller.Kind)?.Scope switch
    {
        AccessScope.All => ClientScopeKind.All,
        AccessScope.OwnMunicipality or AccessScope.OwnRegion => ClientScopeKind.Responsible,
        AccessScope.OwnRecords when caller.Kind == InstitutionKind.ServiceProvider => ClientScopeKind.Provided,
        AccessScope.OwnRecords or AccessScope.OwnBranches => ClientScopeKind.Sent,
        _ => ClientScopeKind.None,
    };
}
