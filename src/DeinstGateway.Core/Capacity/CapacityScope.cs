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
    public static bool MaySee(Caller caller, Institution provider) => caller.Kind switch
    {
        InstitutionKind.Ministry => true,
        InstitutionKind.PlanningRegion => provider.PlanningRegion?.Code == caller.InstitutionCode,
        InstitutionKind.Municipality => provider.Municipality?.Code == caller.InstitutionCode,
        InstitutionKind.ServiceProvider => provider.Code == caller.InstitutionCode,
        _ => false,
    };

    public static void EnsureMayQuery(Caller caller)
    {
        if (caller.Kind is not (InstitutionKind.Ministry or InstitutionKind.PlanningRegion or InstitutionKind.Municipality or InstitutionKind.ServiceProvider))
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
