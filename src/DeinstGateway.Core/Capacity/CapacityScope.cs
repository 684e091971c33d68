using DeinstGateway.Core.Access;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Capacity;

/// <summary>
/// Whose places a caller may count and declare: the ministry all, a planning region its own
/// region, a municipality its own, a provider its own. Care institutions and agencies coordinate
/// through transfers, not capacity.
/// </summary>
public static class CapacityScope
{
    /// <summary>As the access matrix grants counting places to the caller's kind.</summary>
    public static bool MaySee(Caller caller, Institution provider) => AccessMatrix.Find(Rpcs.QueryCapacity, caller.Kind)?.Scope switch
    {
        AccessScope.All => true,
        AccessScope.OwnRegion => provider.PlanningRegion?.Code == caller.InstitutionCode,
        AccessScope.OwnMunicipality => provider.Municipality?.Code == caller.InstitutionCode,
        AccessScope.OwnRecords => provider.Code == caller.InstitutionCode,
        _ => false,
    };

    public static void EnsureMayQuery(Caller caller)
    {
        if (AccessMatrix.Find(Rpcs.QueryCapacity, caller.Kind) is null)
        {
            throw new ForbiddenException("CAPACITY_NOT_IN_SCOPE", "This kind of institution does not query capacity.");
        }
    }

    /// <summary>The provider itself or the municipality it lies in.</summary>
    public static void EnsureMayDeclare(Caller caller, Institution provider)
    {
        if (caller.InstitutionCode != provider.Code
            && !(caller.Kind == InstitutionKind.Municipality && provider.Municipality?.Code == caller.InstitutionCode))
        {
            throw new ForbiddenException(
                "NOT_THE_PROVIDER_OR_ITS_MUNICIPALITY", "Only the provider or its municipality may declare its places.");
        }
    }
}
