using DeinstGateway.Core.Access;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;
using InstitutionKind = DeinstGateway.Core.Registry.InstitutionKind;

namespace DeinstGateway.Server.Tests.Access;

/// <summary>
/// The world client's support plans. A plan holds health data, so a reader outside the client's
/// care is told NOT_FOUND; a municipality not responsible for the client may not write one.
/// </summary>
public static class SupportPlanProbes
{
    public static IEnumerable<AccessProbe> All =>
    [
        new(Rpcs.PutSupportPlan, StatusCode.PermissionDenied, PutAsync),
        new(Rpcs.GetSupportPlan, StatusCode.NotFound, GetAsync),
        new(Rpcs.ListSupportPlans, StatusCode.NotFound, ListAsync),
    ];

    /// <summary>A new plan each time: a second put of one plan needs its etag.</summary>
    private static async Task<Seen> PutAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var name = $"{world.Client}/supportPlans/IAP-{Guid.NewGuid():N}";
        var plan = await Client(caller).PutSupportPlanAsync(new PutSupportPlanRequest
        {
            SupportPlan = new SupportPlan
            {
                Name = name,
                AssessmentDate = TransferRequests.Date(TestCalendar.Today),
                Validity = new DateRange { StartDate = TransferRequests.Date(TestCalendar.Today) },
                PlannedServices = { new PlannedService { ServiceType = ServiceType.DayCareCentreAdults, Volume = 3, Period = VolumePeriod.Week } },
            },
        });
        return Seen.Answer(plan.Name == name);
    }

    private static async Task<Seen> GetAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var plan = await Client(caller).GetSupportPlanAsync(new GetSupportPlanRequest { Name = world.SupportPlan });
        return Seen.Answer(plan.Name == world.SupportPlan);
    }

    private static async Task<Seen> ListAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var page = await Client(caller).ListSupportPlansAsync(new ListSupportPlansRequest { Parent = world.Client, PageSize = 1000 });
        return Seen.Answer(page.SupportPlans.Any(p => p.Name == world.SupportPlan));
    }

    private static SupportPlanService.SupportPlanServiceClient Client(CallInvoker caller) => new(caller);
}
