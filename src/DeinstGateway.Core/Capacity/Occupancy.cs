using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Capacity;

/// <summary>
/// A care institution's places and residents from a date on, until a later declaration. A
/// declaration written by a completed transfer (one resident fewer) has no <see cref="DeclaredByCode"/>.
/// </summary>
public sealed record OccupancyDeclaration(
    string InstitutionCode,
    int Places,
    int Residents,
    DateOnly EffectiveFrom,
    string? DeclaredByCode,
    DateTimeOffset DeclareTime);

public interface IOccupancyStore
{
    /// <summary>Stores the declaration, replacing one for the same institution and date.</summary>
    Task DeclareAsync(OccupancyDeclaration declaration, CancellationToken cancellationToken);
}

/// <summary>Which care institutions declare occupancy, and whose residents a completed transfer lowers.</summary>
public static class CareInstitutions
{
    public static bool DeclaresOccupancy(Institution institution) => institution.Kind
        is InstitutionKind.StateCareCentre or InstitutionKind.CareCentreBranch or InstitutionKind.ChildCareInstitution;

    /// <summary>
    /// The institution a resident leaves by a transfer from <paramref name="source"/>: the source
    /// itself, or, where a branch declares nothing of its own, its state care centre.
    /// </summary>
    public static IReadOnlyList<string> LeftBy(Institution? source) => source is null ? []
        : source.Parent is { } centre ? [source.Code, centre.Code]
        : [source.Code];

    /// <summary>The planning region an institution counts in: its own, or (a branch) its centre's.</summary>
    public static string? RegionOf(Institution institution, RegistrySnapshot snapshot) =>
        institution.PlanningRegion?.Code ?? (institution.Parent is { } parent ? snapshot.Find(parent.Code)?.PlanningRegion?.Code : null);

    /// <summary>A care centre declares for itself and its branches; any other care institution for itself.</summary>
    public static bool MayDeclareFor(Access.Caller caller, Institution institution) =>
        caller.InstitutionCode == institution.Code
        || (caller.Kind == InstitutionKind.StateCareCentre && institution.Parent?.Code == caller.InstitutionCode);
}
