using DeinstGateway.Core;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.SupportPlans;
using DeinstGateway.Server.Common;
using Google.Protobuf.WellKnownTypes;
using Proto = Deinst.V1;

namespace DeinstGateway.Server.SupportPlans;

public static class SupportPlanMapping
{
    private const string ClientPrefix = "clients/";
    private const string PlanSegment = "/supportPlans/";

    /// <summary>(client id, plan id) from <c>clients/{client}/supportPlans/{plan}</c>.</summary>
    public static (string ClientId, string PlanId) PlanName(string name, string field)
    {
        var separator = name.IndexOf(PlanSegment, StringComparison.Ordinal);
        var clientId = name.StartsWith(ClientPrefix, StringComparison.Ordinal) && separator > ClientPrefix.Length
            ? Uuid.Normalize(name[ClientPrefix.Length..separator])
            : null;
        var planId = separator >= 0 ? name[(separator + PlanSegment.Length)..] : string.Empty;
        return clientId is null || planId.Length == 0
            ? throw new ValidationException(field, "must be clients/{client}/supportPlans/{plan}")
            : (clientId, planId);
    }

    public static SupportPlanDraft ToDraft(this Proto.SupportPlan plan)
    {
        var (clientId, planId) = PlanName(plan.Name, "support_plan.name");
        return new SupportPlanDraft(
            clientId,
            planId,
            plan.AssessmentDate?.ToDateOnly("support_plan.assessment_date"),
            plan.Validity?.StartDate?.ToDateOnly("support_plan.validity.start_date"),
            plan.Validity?.EndDate?.ToDateOnly("support_plan.validity.end_date"),
            plan.PlannedServices.Select(s => new PlannedServiceDraft((int)s.ServiceType, s.Provider, s.Volume, (int)s.Period)).ToList());
    }

    public static Proto.SupportPlan ToProto(this SupportPlan plan, RegistrySnapshot registry) => new()
    {
        Name = plan.Name,
        ResponsibleMunicipality = registry.Reference(plan.ResponsibleMunicipalityCode),
        AssessmentDate = plan.AssessmentDate.ToProto(),
        Validity = new Proto.DateRange { StartDate = plan.ValidFrom.ToProto(), EndDate = plan.ValidTo.ToProto() },
        PlannedServices =
        {
            plan.PlannedServices.Select(s => new Proto.PlannedService
            {
                ServiceType = (Proto.ServiceType)s.ServiceType,
                Provider = s.ProviderCode is null ? string.Empty : ResourceNames.Institution(s.ProviderCode),
                Volume = s.Volume,
                Period = (Proto.VolumePeriod)s.Period,
            }),
        },
        Etag = plan.Etag,
        UpdateTime = Timestamp.FromDateTimeOffset(plan.UpdateTime),
    };
}
