using DeinstGateway.Core.Access;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;
using InstitutionKind = DeinstGateway.Core.Registry.InstitutionKind;

namespace DeinstGateway.Server.Tests.Access;

/// <summary>
/// The world client's needs assessments. Recording one for a client outside the caller's care is
/// PERMISSION_DENIED; reading them from outside is NOT_FOUND, as if they did not exist.
/// </summary>
public static class AssessmentProbes
{
    public static IEnumerable<AccessProbe> All =>
    [
        new(Rpcs.CreateNeedsAssessment, StatusCode.PermissionDenied, CreateAsync),
        new(Rpcs.GetNeedsAssessment, StatusCode.NotFound, GetAsync),
        new(Rpcs.ListNeedsAssessments, StatusCode.NotFound, ListAsync),
    ];

    /// <summary>A new assessment each time, under a new request id.</summary>
    public static CreateNeedsAssessmentRequest NewAssessment(string client) => new()
    {
        Parent = client,
        RequestId = Guid.NewGuid().ToString(),
        NeedsAssessment = new NeedsAssessment
        {
            AssessmentDate = TransferRequests.Date(TestCalendar.Today),
            Assessor = "institutions/" + AccessWorld.Municipality,
            Project = "9.2.2.1/15/I/001",
            Outcome = AssessmentOutcome.ServicesNeeded,
            PlannedServiceTypes = { ServiceType.DayCareCentreAdults },
        },
    };

    private static async Task<Seen> CreateAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var created = await Client(caller).CreateNeedsAssessmentAsync(NewAssessment(world.Client));
        return Seen.Answer(created.Name.StartsWith(world.Client + "/needsAssessments/", StringComparison.Ordinal));
    }

    private static async Task<Seen> GetAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var assessment = await Client(caller).GetNeedsAssessmentAsync(new GetNeedsAssessmentRequest { Name = world.NeedsAssessment });
        return Seen.Answer(assessment.Name == world.NeedsAssessment);
    }

    private static async Task<Seen> ListAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var page = await Client(caller).ListNeedsAssessmentsAsync(new ListNeedsAssessmentsRequest { Parent = world.Client, PageSize = 1000 });
        return Seen.Answer(page.NeedsAssessments.Any(a => a.Name == world.NeedsAssessment));
    }

    private static NeedsAssessmentService.NeedsAssessmentServiceClient Client(CallInvoker caller) => new(caller);
}
