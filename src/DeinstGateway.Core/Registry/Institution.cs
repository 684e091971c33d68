namespace DeinstGateway.Core.Registry;

/// <summary>
/// An institution of the registry. Validity is half-open: it exists from <see cref="ValidFrom"/>
/// (inclusive) until <see cref="ValidTo"/> (exclusive), so a municipality merged on 1 July has
/// 1 July as its <see cref="ValidTo"/>.
/// </summary>
public sealed record Institution(
    string Code,
    InstitutionKind Kind,
    string DisplayName,
    InstitutionRef? PlanningRegion,
    InstitutionRef? Municipality,
    InstitutionRef? Parent,
    string? Address,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    InstitutionRef? Successor,
    string? OfficialCode)
{
    /// <summary>For a service provider: the services of the catalogue it offers.</summary>
    public IReadOnlyList<ServiceType> OfferedServices { get; init; } = [];

    public bool IsValidOn(DateOnly date) =>
        (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date < ValidTo);
}

/// <summary>A reference to another institution, with its name for display.</summary>
public sealed record InstitutionRef(string Code, string DisplayName);
