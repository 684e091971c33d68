using DeinstGateway.Core.Registry;

namespace DeinstGateway.Persistence.Registry;

public sealed class InstitutionRow
{
    public required string Code { get; set; }

    public InstitutionKind Kind { get; set; }

    public required string DisplayName { get; set; }

    public string? PlanningRegionCode { get; set; }

    public InstitutionRow? PlanningRegion { get; set; }

    public string? MunicipalityCode { get; set; }

    public InstitutionRow? Municipality { get; set; }

    public string? ParentCode { get; set; }

    public InstitutionRow? Parent { get; set; }

    public string? Address { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public string? SuccessorCode { get; set; }

    public InstitutionRow? Successor { get; set; }

    public string? OfficialCode { get; set; }

    /// <summary>For a provider: offered service types by name, comma-separated.</summary>
    public string? OfferedServices { get; set; }
}
