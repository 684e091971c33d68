namespace DeinstGateway.Core.Registry;

/// <summary>What a caller narrows an institution listing to; unset members do not filter.</summary>
public sealed record InstitutionFilter(
    InstitutionKind? Kind,
    string? PlanningRegionCode,
    string? MunicipalityCode,
    string? ParentCode,
    DateOnly ValidOn);
