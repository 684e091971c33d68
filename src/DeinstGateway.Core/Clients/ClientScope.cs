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
        string[] own = [caller.InstitutionCode];
        return AccessMatrix.Find(method, caller.Kind)?.Scope switch
        {
            AccessScope.All => new(ClientScopeKind.All, [], today),
            AccessScope.OwnMunicipality => new(ClientScopeKind.Responsible, own, today),
            AccessScope.OwnRegion => new(
                ClientScopeKind.Responsible,
                snapshot.Institutions
                    .Where(i => i.Kind == InstitutionKind.Municipality && i.PlanningRegion?.Code == caller.InstitutionCode)
                    .Select(i => i.Code)
                    .ToList(),
                today),
            AccessScope.OwnRecords when caller.Kind == InstitutionKind.ServiceProvider => new(ClientScopeKind.Provided, own, today),
            AccessScope.OwnRecords or AccessScope.OwnBranches => new(ClientScopeKind.Sent, own, today),
            _ => new(ClientScopeKind.None, [], today),
        };
    }

    /// <summary>Whether the caller sees the person's identity through this scope, or only the client id.</summary>
    public static bool SeesPersonalData(Caller caller, string method) =>
        AccessMatrix.Find(method, caller.Kind)?.Fields == ReturnedFields.Identified;
}
