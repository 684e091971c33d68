using DeinstGateway.Core.Access;

namespace DeinstGateway.Core.Transfers;

public enum TransferScopeKind
{
    /// <summary>Sees no transfer.</summary>
    None,

    /// <summary>Every transfer (the ministry).</summary>
    All,

    /// <summary>Transfers sent by the institution or by one of its branches (care institutions).</summary>
    Source,

    /// <summary>Transfers addressed to the municipality.</summary>
    DestinationMunicipality,

    /// <summary>Transfers into the municipalities of the planning region.</summary>
    DestinationRegion,
}

/// <summary>
/// Which transfers a caller sees and whether it sees who they are about. Only the two parties
/// of the handover see personal data; coordination and oversight work on the rest. The store
/// translates the scope into its queries in one place (TransferStore.InScope), for reads, feeds
/// and changes alike.
/// </summary>
public sealed record TransferScope(TransferScopeKind Kind, string InstitutionCode, bool SeesPersonalData)
{
    /// <summary>As the access matrix grants reading transfers to the caller's kind.</summary>
    public static TransferScope For(Caller caller)
    {
        var rule = AccessMatrix.Find(Rpcs.GetTransfer, caller.Kind);
        var kind = rule?.Scope switch
        {
            AccessScope.All => TransferScopeKind.All,
            AccessScope.OwnRegion => TransferScopeKind.DestinationRegion,
            AccessScope.OwnMunicipality => TransferScopeKind.DestinationMunicipality,
            AccessScope.OwnBranches or AccessScope.OwnRecords => TransferScopeKind.Source,
            _ => TransferScopeKind.None,
        };
        return new TransferScope(kind, caller.InstitutionCode, rule?.Fields == ReturnedFields.Identified);
    }
}
