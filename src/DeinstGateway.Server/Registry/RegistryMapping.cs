using System.Runtime.CompilerServices;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Server.Common;
using Proto = Deinst.V1;

namespace DeinstGateway.Server.Registry;

/// <summary>Registry types between the contracts and Core. Enum numbers match by design.</summary>
public static class RegistryMapping
{
    // Reference data is immutable within a snapshot: each institution's and service type's message
    // is built once and shared by every answer that holds it (answers are serialized, never changed),
    // and forgotten with the snapshot that held the record.
    private static readonly ConditionalWeakTable<Institution, Proto.Institution> Institutions = [];
    private static readonly ConditionalWeakTable<ServiceTypeDefinition, Proto.ServiceTypeDefinition> ServiceTypes = [];

    public static Proto.Institution ToProto(this Institution institution) => Institutions.GetValue(institution, Build);

    public static Proto.ServiceTypeDefinition ToProto(this ServiceTypeDefinition definition) => ServiceTypes.GetValue(definition, Build);

    private static Proto.Institution Build(Institution institution) => new()
    {
        Name = ResourceNames.Institution(institution.Code),
        Code = institution.Code,
        Kind = (Proto.InstitutionKind)institution.Kind,
        DisplayName = institution.DisplayName,
        PlanningRegion = institution.PlanningRegion.ToReference(),
        Municipality = institution.Municipality.ToReference(),
        Parent = institution.Parent.ToReference(),
        Address = institution.Address ?? string.Empty,
        ValidFrom = institution.ValidFrom.ToProto(),
        ValidTo = institution.ValidTo.ToProto(),
        Successor = institution.Successor.ToReference(),
        OfficialCode = institution.OfficialCode ?? string.Empty,
        OfferedServices = { institution.OfferedServices.Select(s => (Proto.ServiceType)s) },
    };

    public static InstitutionFilter ToFilter(this Proto.ListInstitutionsRequest request, DateOnly today) => new(
        request.Kind.ToDomain("kind"),
        ResourceNames.OptionalInstitutionCode(request.PlanningRegion, "planning_region"),
        ResourceNames.OptionalInstitutionCode(request.Municipality, "municipality"),
        ResourceNames.OptionalInstitutionCode(request.Parent, "parent"),
        request.ValidOn is null ? today : request.ValidOn.ToDateOnly("valid_on"));

    /// <summary>Unspecified means "any kind"; a number the contract does not define is refused.</summary>
    public static InstitutionKind? ToDomain(this Proto.InstitutionKind kind, string field) => kind switch
    {
        Proto.InstitutionKind.Unspecified => null,
        _ when Enum.IsDefined((InstitutionKind)kind) => (InstitutionKind)kind,
        _ => throw new ValidationException(field, "is not a known institution kind"),
    };

    private static Proto.ServiceTypeDefinition Build(ServiceTypeDefinition definition) => new()
    {
        ServiceType = (Proto.ServiceType)definition.Type,
        DisplayNameLv = definition.DisplayNameLv,
        DisplayNameEn = definition.DisplayNameEn,
        Unit = (Proto.ServiceUnit)definition.Unit,
        Limits = { definition.Limits.Select(ToProto) },
    };

    private static Proto.ServiceLimit ToProto(ServiceLimit limit)
    {
        var proto = new Proto.ServiceLimit
        {
            Code = limit.Code,
            Kind = (Proto.ServiceLimitKind)limit.Kind,
            MaxQuantity = limit.MaxQuantity,
            QuantityUnit = (Proto.ServiceUnit)(limit.QuantityUnit ?? 0),
            Period = (Proto.LimitPeriod)(limit.Period ?? 0),
            Description = limit.Description,
        };
        if (limit.MinAgeYears is { } min)
        {
            proto.MinAgeYears = min;
        }

        if (limit.MaxAgeYears is { } max)
        {
            proto.MaxAgeYears = max;
        }

        return proto;
    }
}
