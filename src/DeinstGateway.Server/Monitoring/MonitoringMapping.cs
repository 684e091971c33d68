using DeinstGateway.Core.Assessments;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Monitoring;
using DeinstGateway.Core.Registry;
using DeinstGateway.Server.Common;
using Proto = Deinst.V1;

namespace DeinstGateway.Server.Monitoring;

/// <summary>Statistics rows as the contract shows them: a withheld figure carries no number at all.</summary>
public static class MonitoringMapping
{
    public static StatisticsFilter ToDomain(this Proto.StatisticsFilter? filter)
    {
        var sent = filter ?? throw new ValidationException("filter", "is required");
        return StatisticsFilter.Of(
            sent.Period?.StartDate?.ToDateOnly("filter.period.start_date"),
            sent.Period?.EndDate?.ToDateOnly("filter.period.end_date"),
            (int)sent.Granularity,
            ResourceNames.OptionalInstitutionCode(sent.PlanningRegion, "filter.planning_region"),
            ResourceNames.OptionalInstitutionCode(sent.Municipality, "filter.municipality"));
    }

    public static Proto.TransferCount ToTransferCount(this StatisticsRow row, RegistrySnapshot registry)
    {
        var key = TransferKey.Parse(row.Key);
        return new Proto.TransferCount
        {
            PeriodStart = row.Period.ToProto(),
            Area = row.Area(registry),
            TargetGroup = (Proto.TargetGroup)key.TargetGroup,
            State = (Proto.TransferState)key.State,
            RejectionReason = key.Reason is { } reason ? (Proto.RejectionReason)reason : Proto.RejectionReason.Unspecified,
            Transfers = row.Figure.Count(),
        };
    }

    public static Proto.TransferDuration ToProto(this DurationRow row, RegistrySnapshot registry)
    {
        var duration = new Proto.TransferDuration { PeriodStart = row.Period.ToProto(), Area = Area(row.RegionCode, row.AreaCode, registry) };
        if (row.MedianDays is { } median && row.P90Days is { } p90)
        {
            duration.Days = new Proto.DurationPercentiles { MedianDays = median, P90Days = p90 };
        }
        else
        {
            duration.Suppressed = true;
        }

        return duration;
    }

    public static Proto.Occupancy ToOccupancy(this StatisticsRow row, RegistrySnapshot registry) => new()
    {
        Date = row.Period.ToProto(),
        Institution = row.AreaCode is { } institution ? registry.Reference(institution) : null,
        PlanningRegion = row.RegionCode is { } region ? registry.Reference(region) : null,
        // Places are no one's data: they are shown even where the residents are withheld.
        Places = row.Figure.Tally.Quantity,
        Residents = row.Figure.Count(),
    };

    public static Proto.SupportPlanCount ToSupportPlanCount(this StatisticsRow row, RegistrySnapshot registry) => new()
    {
        Date = row.Period.ToProto(),
        Area = row.Area(registry),
        TargetGroup = (Proto.TargetGroup)StatisticsKeys.Parse<TargetGroup>(row.Key),
        ClientsWithValidPlan = row.Figure.Count(),
    };

    public static Proto.AssessmentCount ToAssessmentCount(this StatisticsRow row, RegistrySnapshot registry) => new()
    {
        PeriodStart = row.Period.ToProto(),
        Area = row.Area(registry),
        Outcome = (Proto.AssessmentOutcome)StatisticsKeys.Parse<AssessmentOutcome>(row.Key),
        Assessments = row.Figure.Count(),
    };

    public static Proto.ServiceVolume ToServiceVolume(this StatisticsRow row, RegistrySnapshot registry)
    {
        var key = ServiceKey.Parse(row.Key);
        var volume = new Proto.ServiceVolume
        {
            PeriodStart = row.Period.ToProto(),
            Area = row.Area(registry),
            Project = Project.ResourceName(key.Project),
            ServiceType = (Proto.ServiceType)key.ServiceType,
            Unit = (Proto.ServiceUnit)key.Unit,
            Records = row.Figure.Count(),
        };
        if (!row.Figure.Suppressed)
        {
            volume.Quantity = row.Figure.Tally.Quantity;
            volume.Cost = new Proto.Money { EuroCents = row.Figure.Tally.Cents };
        }

        return volume;
    }

    public static Proto.PlanProgress ToProto(this PlanProgressRow row, RegistrySnapshot registry) => new()
    {
        PlanningRegion = registry.Reference(row.Target.PlanningRegionCode),
        TargetGroup = (Proto.TargetGroup)row.Target.TargetGroup,
        Year = row.Target.Year,
        Target = row.Target.Target,
        CompletedTransfers = row.Completed.Count(),
    };

    private static Proto.SuppressibleCount Count(this Figure figure) =>
        figure.Suppressed ? new Proto.SuppressibleCount { Suppressed = true } : new Proto.SuppressibleCount { Count = figure.Tally.Count };

    private static Proto.StatisticsArea Area(this StatisticsRow row, RegistrySnapshot registry) => Area(row.RegionCode, row.AreaCode, registry);

    private static Proto.StatisticsArea Area(string? region, string? municipality, RegistrySnapshot registry) => new()
    {
        PlanningRegion = region is null ? null : registry.Reference(region),
        Municipality = municipality is null ? null : registry.Reference(municipality),
    };
}
