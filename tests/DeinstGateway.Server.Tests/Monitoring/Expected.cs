using Deinst.V1;
using AssessmentOutcome = DeinstGateway.Core.Assessments.AssessmentOutcome;
using CoreTargetGroup = DeinstGateway.Core.Clients.TargetGroup;
using CoreTransferState = DeinstGateway.Core.Transfers.TransferState;

namespace DeinstGateway.Server.Tests.Monitoring;

/// <summary>
/// The tests' own count of the generated records, per period × area × key at every level an answer
/// shows (municipality, region, nationwide), written without the gateway's code.
/// </summary>
public static class Expected
{
    public static DateOnly PeriodOf(DateOnly day, PeriodGranularity granularity) => granularity switch
    {
        PeriodGranularity.Quarter => new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1),
        PeriodGranularity.Year => new DateOnly(day.Year, 1, 1),
        _ => new DateOnly(day.Year, day.Month, 1),
    };

    public static IEnumerable<DateOnly> PeriodEnds(PeriodGranularity granularity)
    {
        for (var start = MonitoringData.From; start < MonitoringData.Until; start = Next(start, granularity))
        {
            yield return Next(start, granularity).AddDays(-1);
        }
    }

    public static Dictionary<(DateOnly, string, string, string), (long Count, long Quantity, long Cents)> Transfers(MonitoringData data, PeriodGranularity granularity)
    {
        var counts = new Dictionary<(DateOnly, string, string, string), (long, long, long)>();
        foreach (var t in data.Transfers)
        {
            var group = Group(t.Group);
            var state = (TransferState)(int)t.State;
            var keys = t.Reason is { } reason
                ? new[] { MonitoringWorld.TransferKey(group, state, (RejectionReason)(int)reason), MonitoringWorld.TransferKey(group, state, RejectionReason.Unspecified) }
                : [MonitoringWorld.TransferKey(group, state, RejectionReason.Unspecified)];
            foreach (var key in keys)
            {
                AddAtEveryLevel(counts, PeriodOf(t.Planned, granularity), MonitoringData.Regions[t.Municipality], t.Municipality, key, (1, 0, 0));
            }
        }

        return counts;
    }

    public static Dictionary<(DateOnly, string, string, string), (long Count, long Quantity, long Cents)> Assessments(MonitoringData data, PeriodGranularity granularity)
    {
        var counts = new Dictionary<(DateOnly, string, string, string), (long, long, long)>();
        foreach (var a in data.Assessments)
        {
            AddAtEveryLevel(counts, PeriodOf(a.Date, granularity), MonitoringData.Regions[a.Municipality], a.Municipality, Outcome(a.Outcome).ToString(), (1, 0, 0));
        }

        return counts;
    }

    public static Dictionary<(DateOnly, string, string, string), (long Count, long Quantity, long Cents)> Services(MonitoringData data, PeriodGranularity granularity)
    {
        var counts = new Dictionary<(DateOnly, string, string, string), (long, long, long)>();
        foreach (var s in data.Services.Where(s => !s.Withdrawn))
        {
            var municipality = MonitoringData.ProviderMunicipalities[s.Provider];
            var key = MonitoringWorld.ServiceKey(s.Project, (ServiceType)(int)s.Service, (ServiceUnit)(int)s.Unit);
            AddAtEveryLevel(counts, PeriodOf(s.FirstDay, granularity), MonitoringData.Regions[municipality], municipality, key, (1, s.Quantity, s.Cents));
        }

        return counts;
    }

    /// <summary>Clients with a plan valid on the last day of each period, where the municipality responsible for them that day lies.</summary>
    public static Dictionary<(DateOnly, string, string, string), (long Count, long Quantity, long Cents)> ValidPlans(MonitoringData data, PeriodGranularity granularity)
    {
        var counts = new Dictionary<(DateOnly, string, string, string), (long, long, long)>();
        foreach (var day in PeriodEnds(granularity))
        {
            foreach (var c in data.PlanClients.Where(c => In(day, c.ResponsibleFrom, c.ResponsibleTo) && In(day, c.PlanFrom, c.PlanTo)))
            {
                AddAtEveryLevel(counts, day, MonitoringData.Regions[c.Municipality], c.Municipality, Group(c.Group).ToString(), (1, 0, 0));
            }
        }

        return counts;
    }

    /// <summary>Residents (as the count) and places (as the quantity) on the last day of each period, from the declaration in force.</summary>
    public static Dictionary<(DateOnly, string, string, string), (long Count, long Quantity, long Cents)> Occupancy(MonitoringData data, PeriodGranularity granularity)
    {
        var counts = new Dictionary<(DateOnly, string, string, string), (long, long, long)>();
        foreach (var day in PeriodEnds(granularity))
        {
            foreach (var declarations in data.Occupancy.GroupBy(o => o.Institution))
            {
                if (declarations.Where(o => o.From <= day).MaxBy(o => o.From) is { } inForce)
                {
                    AddAtEveryLevel(counts, day, MonitoringData.CareInstitutionRegions[inForce.Institution], inForce.Institution, "residents", (inForce.Residents, inForce.Places, 0));
                }
            }
        }

        return counts;
    }

    /// <summary>Whole days (calendar dates, UTC) from submission to completion, per period and area.</summary>
    public static Dictionary<(DateOnly, string, string), List<int>> Durations(MonitoringData data, PeriodGranularity granularity)
    {
        var days = new Dictionary<(DateOnly, string, string), List<int>>();
        foreach (var t in data.Transfers.Where(t => t.Completed is not null))
        {
            var region = MonitoringData.Regions[t.Municipality];
            foreach (var area in new[] { (region, t.Municipality), (region, ""), ("", "") })
            {
                var key = (PeriodOf(t.Planned, granularity), area.Item1, area.Item2);
                if (!days.TryGetValue(key, out var list))
                {
                    days[key] = list = [];
                }

                list.Add(DateOnly.FromDateTime(t.Completed!.Value).DayNumber - DateOnly.FromDateTime(t.Created).DayNumber);
            }
        }

        return days;
    }

    /// <summary>The nearest-rank percentile of a list.</summary>
    public static int Percentile(List<int> values, int percent)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Ceiling(sorted.Count * percent / 100.0) - 1];
    }

    public static TargetGroup Group(CoreTargetGroup group) => (TargetGroup)(int)group;

    public static long CompletedIn(MonitoringData data, string region, CoreTargetGroup group, int year) =>
        data.Transfers.Count(t => t.State == CoreTransferState.Completed && t.Planned.Year == year && t.Group == group && MonitoringData.Regions[t.Municipality] == region);

    private static Deinst.V1.AssessmentOutcome Outcome(AssessmentOutcome outcome) => (Deinst.V1.AssessmentOutcome)(int)outcome;

    private static bool In(DateOnly day, DateOnly from, DateOnly? to) => from <= day && (to is null || day < to);

    private static DateOnly Next(DateOnly start, PeriodGranularity granularity) => granularity switch
    {
        PeriodGranularity.Quarter => start.AddMonths(3),
        PeriodGranularity.Year => start.AddYears(1),
        _ => start.AddMonths(1),
    };

    private static void AddAtEveryLevel(
        Dictionary<(DateOnly, string, string, string), (long Count, long Quantity, long Cents)> counts,
        DateOnly period, string region, string area, string key, (long Count, long Quantity, long Cents) add)
    {
        foreach (var at in new[] { (region, area), (region, ""), ("", "") })
        {
            var cell = (period, at.Item1, at.Item2, key);
            var sum = counts.GetValueOrDefault(cell);
            counts[cell] = (sum.Count + add.Count, sum.Quantity + add.Quantity, sum.Cents + add.Cents);
        }
    }
}
