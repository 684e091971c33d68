using DeinstGateway.Core.Access;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;
using InstitutionKind = DeinstGateway.Core.Registry.InstitutionKind;

namespace DeinstGateway.Server.Tests.Access;

/// <summary>
/// The statistics of the world's municipality, whose few records all come back withheld. Naming the
/// municipality (or its region) from outside the scope is PERMISSION_DENIED. Occupancy and plan
/// targets hold nothing a municipality's row could show, so there an answer is what reaches it.
/// </summary>
public static class MonitoringProbes
{
    private const string Municipality = "institutions/" + AccessWorld.Municipality;

    public static IEnumerable<AccessProbe> All =>
    [
        new(Rpcs.ListTransferCounts, StatusCode.PermissionDenied, async (_, _, caller) =>
            Seen.Answer((await Client(caller).ListTransferCountsAsync(new ListTransferCountsRequest { Filter = Filter(), PageSize = 1000 }))
                .Counts.Any(c => c.Area.Municipality?.Name == Municipality))),
        new(Rpcs.ListTransferDurations, StatusCode.PermissionDenied, async (_, _, caller) =>
            Seen.Answer((await Client(caller).ListTransferDurationsAsync(new ListTransferDurationsRequest { Filter = Filter() }))
                .Durations.Any(d => d.Area.Municipality?.Name == Municipality))),
        new(Rpcs.ListOccupancy, StatusCode.PermissionDenied, async (_, _, caller) =>
            Seen.Answer((await Client(caller).ListOccupancyAsync(new ListOccupancyRequest { Filter = Filter() })) is not null)),
        new(Rpcs.ListSupportPlanCounts, StatusCode.PermissionDenied, async (_, _, caller) =>
            Seen.Answer((await Client(caller).ListSupportPlanCountsAsync(new ListSupportPlanCountsRequest { Filter = Filter(), PageSize = 1000 }))
                .Counts.Any(c => c.Area.Municipality?.Name == Municipality))),
        new(Rpcs.ListAssessmentCounts, StatusCode.PermissionDenied, async (_, _, caller) =>
            Seen.Answer((await Client(caller).ListAssessmentCountsAsync(new ListAssessmentCountsRequest { Filter = Filter(), PageSize = 1000 }))
                .Counts.Any(c => c.Area.Municipality?.Name == Municipality))),
        new(Rpcs.ListServiceVolumes, StatusCode.PermissionDenied, async (_, _, caller) =>
            Seen.Answer((await Client(caller).ListServiceVolumesAsync(new ListServiceVolumesRequest { Filter = Filter(), PageSize = 1000 }))
                .Volumes.Any(v => v.Area.Municipality?.Name == Municipality))),
        new(Rpcs.ListPlanProgress, StatusCode.PermissionDenied, async (_, _, caller) =>
            Seen.Answer((await Client(caller).ListPlanProgressAsync(new ListPlanProgressRequest { PlanningRegion = "institutions/" + AccessWorld.Region })) is not null)),
    ];

    /// <summary>Whole years from the world's service day to beyond its transfers' planned moves, in the world's municipality.</summary>
    public static StatisticsFilter Filter() => new()
    {
        Period = new DateRange
        {
            StartDate = TransferRequests.Date(new DateOnly(AccessWorld.ServiceDay.Year, 1, 1)),
            EndDate = TransferRequests.Date(new DateOnly(TestCalendar.Today.Year + 2, 1, 1)),
        },
        Granularity = PeriodGranularity.Year,
        Municipality = Municipality,
    };

    private static MonitoringService.MonitoringServiceClient Client(CallInvoker caller) => new(caller);
}
