using DeinstGateway.Core.Assessments;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Transfers;

namespace DeinstGateway.Core.Monitoring;

/// <summary>Transfers per planned-move month × destination municipality (as recorded) × target group × state × reason.</summary>
public sealed record TransferTally(int Year, int Month, string MunicipalityCode, TargetGroup TargetGroup, TransferState State, RejectionReason? Reason, long Count);

/// <summary>Completed transfers per planned-move month × municipality × whole days from submission to completion.</summary>
public sealed record DurationTally(int Year, int Month, string MunicipalityCode, int Days, long Count);

public sealed record AssessmentTally(int Year, int Month, string MunicipalityCode, AssessmentOutcome Outcome, long Count);

/// <summary>Service records (not withdrawn) per month of their first day × provider × project × service, with the distinct clients among them.</summary>
public sealed record ServiceTally(
    int Year, int Month, string ProviderCode, string Project, ServiceType ServiceType, ServiceUnit Unit, long Records, long Clients, long Quantity, long Cents);

/// <summary>Clients with a valid support plan on a day, per municipality responsible for them that day × target group.</summary>
public sealed record PlanTally(string MunicipalityCode, TargetGroup TargetGroup, long Clients);

/// <summary>A care institution's declaration in force on a day.</summary>
public sealed record OccupancyFigure(string InstitutionCode, int Places, int Residents);

/// <summary>The aggregations behind monitoring, each one GROUP BY in the database; no row about a person leaves it.</summary>
public interface IMonitoringStore
{
    Task<IReadOnlyList<TransferTally>> TransfersAsync(DateOnly from, DateOnly until, CancellationToken cancellationToken);

    Task<IReadOnlyList<DurationTally>> DurationsAsync(DateOnly from, DateOnly until, CancellationToken cancellationToken);

    Task<IReadOnlyList<AssessmentTally>> AssessmentsAsync(DateOnly from, DateOnly until, CancellationToken cancellationToken);

    Task<IReadOnlyList<ServiceTally>> ServicesAsync(DateOnly from, DateOnly until, CancellationToken cancellationToken);

    Task<IReadOnlyList<PlanTally>> ValidPlansAsync(DateOnly day, CancellationToken cancellationToken);

    Task<IReadOnlyList<OccupancyFigure>> OccupancyAsync(DateOnly day, CancellationToken cancellationToken);
}

/// <summary>A regional plan's target: transfers out of institutions to complete in a year for a target group.</summary>
public sealed record PlanTarget(string PlanningRegionCode, TargetGroup TargetGroup, int Year, long Target);

/// <summary>The regional plans' targets, from reference data: only those known, never invented.</summary>
public interface IPlanTargetSource
{
    IReadOnlyList<PlanTarget> Targets { get; }
}
