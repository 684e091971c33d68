using DeinstGateway.Core.Registry;

namespace DeinstGateway.Persistence.Registry;

public sealed class ServiceTypeRow
{
    public ServiceType Type { get; set; }

    public required string DisplayNameLv { get; set; }

    public required string DisplayNameEn { get; set; }

    public ServiceUnit Unit { get; set; }

    public List<ServiceLimitRow> Limits { get; set; } = [];
}

public sealed class ServiceLimitRow
{
    public required string Code { get; set; }

    public ServiceType ServiceType { get; set; }

    public ServiceLimitKind Kind { get; set; }

    public int? MinAgeYears { get; set; }

    public int? MaxAgeYears { get; set; }

    public int MaxQuantity { get; set; }

    public ServiceUnit? QuantityUnit { get; set; }

    public LimitPeriod? Period { get; set; }

    public required string Description { get; set; }
}
