using DeinstGateway.Core.Capacity;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Server.Common;
using Google.Protobuf.WellKnownTypes;
using Proto = Deinst.V1;

namespace DeinstGateway.Server.Capacity;

public static class CapacityMapping
{
    public static CapacityFilter ToFilter(this Proto.QueryCapacityRequest request) => new(
        ResourceNames.OptionalInstitutionCode(request.PlanningRegion, "planning_region"),
        ResourceNames.OptionalInstitutionCode(request.Municipality, "municipality"),
        ResourceNames.OptionalInstitutionCode(request.Provider, "provider"),
        request.ServiceType.ToOptionalDomain("service_type"),
        request.Date?.ToDateOnly("date"));

    public static ServiceType ToDomain(this Proto.ServiceType serviceType, string field) =>
        serviceType.ToOptionalDomain(field) ?? throw new ValidationException(field, "is required");

    public static Proto.CapacityDeclaration ToProto(this CapacityDeclaration declaration, RegistrySnapshot registry) => new()
    {
        Provider = registry.Reference(declaration.ProviderCode),
        ServiceType = (Proto.ServiceType)declaration.ServiceType,
        Places = declaration.Places,
        EffectiveFrom = declaration.EffectiveFrom.ToProto(),
        DeclaredBy = declaration.DeclaredByCode is { } by ? registry.Reference(by) : null,
        DeclareTime = Timestamp.FromDateTimeOffset(declaration.DeclareTime),
    };

    public static Proto.OccupancyDeclaration ToProto(this OccupancyDeclaration declaration, RegistrySnapshot registry) => new()
    {
        Institution = registry.Reference(declaration.InstitutionCode),
        Places = declaration.Places,
        Residents = declaration.Residents,
        EffectiveFrom = declaration.EffectiveFrom.ToProto(),
        DeclaredBy = declaration.DeclaredByCode is { } by ? registry.Reference(by) : null,
        DeclareTime = Timestamp.FromDateTimeOffset(declaration.DeclareTime),
    };

    public static Proto.QueryCapacityResponse ToProto(this CapacityReport report, RegistrySnapshot registry) => new()
    {
        Date = report.Date.ToProto(),
        Rows = { report.Rows.Select(r => r.ToProto(registry)) },
        Municipalities = { report.Municipalities.Select(r => r.ToProto(registry)) },
        PlanningRegions = { report.PlanningRegions.Select(r => r.ToProto(registry)) },
        Total = report.Total.ToProto(),
    };

    /// <summary>Changed rows, one event each, or a heartbeat.</summary>
    public static IEnumerable<Proto.CapacityEvent> ToProto(this CapacityFeedMessage message, RegistrySnapshot registry) =>
        message.Rows.Count == 0
            ? [new Proto.CapacityEvent { Heartbeat = new Proto.Heartbeat { Time = Timestamp.FromDateTimeOffset(message.Time), Sequence = message.HeartbeatSequence } }]
            : message.Rows.Select(r => new Proto.CapacityEvent
            {
                Row = new Proto.CapacityRowChanged { Sequence = r.Sequence, Row = r.Row.ToProto(registry) },
            });

    private static Proto.CapacityRow ToProto(this CapacityRow row, RegistrySnapshot registry) => new()
    {
        Provider = registry.Reference(row.Provider.Code),
        Municipality = row.Provider.Municipality.ToReference(),
        PlanningRegion = row.Provider.PlanningRegion.ToReference(),
        ServiceType = (Proto.ServiceType)row.ServiceType,
        Counts = row.Counts.ToProto(),
    };

    private static Proto.CapacityRollUp ToProto(this CapacityRollUp rollUp, RegistrySnapshot registry) => new()
    {
        Institution = registry.Reference(rollUp.InstitutionCode),
        ServiceType = (Proto.ServiceType)rollUp.ServiceType,
        Counts = rollUp.Counts.ToProto(),
    };

    private static Proto.PlaceCounts ToProto(this PlaceCounts counts) => new()
    {
        Total = counts.Total,
        Occupied = counts.Occupied,
        Reserved = counts.Reserved,
        Free = counts.Free,
    };

    private static ServiceType? ToOptionalDomain(this Proto.ServiceType serviceType, string field) => serviceType switch
    {
        Proto.ServiceType.Unspecified => null,
        _ when System.Enum.IsDefined((ServiceType)serviceType) => (ServiceType)serviceType,
        _ => throw new ValidationException(field, "is not a service of the catalogue"),
    };
}
