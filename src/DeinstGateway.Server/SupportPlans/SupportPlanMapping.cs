using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.SupportPlans;
using DeinstGateway.Server.Common;
using Google.Protobuf.WellKnownTypes;
using Proto = Deinst.V1;

namespace DeinstGateway.Server.SupportPlans;

public static class SupportPlanMapping
{
    /// <summary>(client id, plan id) from <c>clients/{client}/supportPlans/{plan}</c>.</summary>
    public static (string ClientId, string PlanId) PlanName(string name, string field) => ResourceNames.UnderClient(name, "supportPlans", field);

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
