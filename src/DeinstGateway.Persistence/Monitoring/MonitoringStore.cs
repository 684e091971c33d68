using DeinstGateway.Core.Monitoring;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.Monitoring;

internal sealed class MonitoringStore(GatewayDbContext db) : IMonitoringStore
{
    public async Task<IReadOnlyList<TransferTally>> TransfersAsync(DateOnly from, DateOnly until, CancellationToken cancellationToken) =>
        await MonitoringAggregations.Transfers(db, from, until).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<DurationTally>> DurationsAsync(DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        // Grouped by the two calendar days (UTC) rather than their difference, which the two
        // providers would compute with functions of their own; the groups are few either way.
        var groups = await MonitoringAggregations.Durations(db, from, until).ToListAsync(cancellationToken);
        return groups
            .GroupBy(g => (g.Year, g.Month, g.DestinationMunicipalityCode, Days: (g.Completed - g.Submitted).Days))
            .Select(g => new DurationTally(g.Key.Year, g.Key.Month, g.Key.DestinationMunicipalityCode, g.Key.Days, g.Sum(x => x.Count)))
            .ToList();
    }

    public async Task<IReadOnlyList<AssessmentTally>> AssessmentsAsync(DateOnly from, DateOnly until, CancellationToken cancellationToken) =>
        await MonitoringAggregations.Assessments(db, from, until).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ServiceTally>> ServicesAsync(DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        var groups = await MonitoringAggregations.Services(db, from, until).ToListAsync(cancellationToken);
        return groups
            .Select(g => new ServiceTally(
                g.Year, g.Month, g.ProviderCode, g.ProjectCode, g.ServiceType, g.Unit,
                g.Records, g.Clients, g.Quantity, g.Cents))
            .ToList();
    }

    public async Task<IReadOnlyList<PlanTally>> ValidPlansAsync(DateOnly day, CancellationToken cancellationToken) =>
        await MonitoringAggregations.ValidPlans(db, day).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<OccupancyFigure>> OccupancyAsync(DateOnly day, CancellationToken cancellationToken) =>
        await MonitoringAggregations.Occupancy(db, day).ToListAsync(cancellationToken);
}

