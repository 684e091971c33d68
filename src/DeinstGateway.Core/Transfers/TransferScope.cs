using DeinstGateway.Core.Access;
using DeinstGateway.Core.Registry;

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
/// of the handover see personal data; coordination and oversight work on the rest.
/// </summary>
public sealed record TransferScope(TransferScopeKind Kind, string InstitutionCode, bool SeesPersonalData)
{
    public static TransferScope For(Caller caller) => caller.Kind switch
    {
        InstitutionKind.Ministry => new(TransferScopeKind.All, caller.InstitutionCode, false),
        InstitutionKind.PlanningRegion => new(TransferScopeKind.DestinationRegion, caller.InstitutionCode, false),
        InstitutionKind.Municipality => new(TransferScopeKind.DestinationMunicipality, caller.InstitutionCode, true),
        InstitutionKind.StateCareCentre or InstitutionKind.CareCentreBranch or InstitutionKind.ChildCareInstitution
            => new(TransferScopeKind.Source, caller.InstitutionCode, true),
        _ => new(TransferScopeKind.None, caller.InstitutionCode, false),
    };

    public bool Includes(Transfer transfer) => Kind switch
    {
        TransferScopeKind.All => true,
        TransferScopeKind.Source => transfer.SourceCode == InstitutionCode || transfer.SourceParentCode == InstitutionCode,
        TransferScopeKind.DestinationMunicipality => transfer.DestinationMunicipalityCode == InstitutionCode,
        TransferScopeKind.DestinationRegion => transfer.DestinationRegionCode == InstitutionCode,
        _ => false,
    };
}
