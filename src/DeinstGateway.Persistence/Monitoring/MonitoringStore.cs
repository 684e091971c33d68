using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Monitoring;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Persistence.Clients;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.Monitoring;

/// <summary>
/// Monitoring's aggregations: each one GROUP BY translated by EF Core for SQLite and SQL Server
/// alike (a storage test prints every statement for SQL Server), so only counts and sums leave
/// the database, never a row about a person.
/// </summary>
internal sealed class MonitoringStore(GatewayDbContext db) : IMonitoringStore
{
    public async Task<IReadOnlyList<TransferTally>> TransfersAsync(DateOnly from, DateOnly until, CancellationToken cancellationToken) =>
        await TransfersQuery(db, from, until).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<DurationTally>> DurationsAsync(DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        // Grouped by the two calendar days (UTC) rather than their difference, which the two
        // providers would compute with functions of their own; the groups are few either way.
        var groups = await DurationsQuery(db, from, until).ToListAsync(cancellationToken);
        return groups
            .GroupBy(g => (g.Year, g.Month, g.DestinationMunicipalityCode, Days: (g.Completed - g.Submitted).Days))
            .Select(g => new DurationTally(g.Key.Year, g.Key.Month, g.Key.DestinationMunicipalityCode, g.Key.Days, g.Sum(x => x.Count)))
            .ToList();
    }

    public async Task<IReadOnlyList<AssessmentTally>> AssessmentsAsync(DateOnly from, DateOnly until, CancellationToken cancellationToken) =>
        await AssessmentsQuery(db, from, until).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ServiceTally>> ServicesAsync(DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        var groups = await ServicesQuery(db, from, until).ToListAsync(cancellationToken);
        return groups
            .Select(g => new ServiceTally(
                g.Year, g.Month, g.ProviderCode, ServiceKey.ProjectOf(g.FundingSource, g.EsfProjectCode), g.ServiceType, g.Unit,
                g.Records, g.Clients, g.Quantity, g.Cents))
            .ToList();
    }

    public async Task<IReadOnlyList<PlanTally>> ValidPlansAsync(DateOnly day, CancellationToken cancellationToken) =>
        await ValidPlansQuery(db, day).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<OccupancyFigure>> OccupancyAsync(DateOnly day, CancellationToken cancellationToken) =>
        await OccupancyQuery(db, day).ToListAsync(cancellationToken);

    // The queries below are separate so that a test can translate each for SQL Server without a server.

    internal static IQueryable<TransferTally> TransfersQuery(GatewayDbContext db, DateOnly from, DateOnly until) =>
        db.Transfers.AsNoTracking()
            .Where(t => t.PlannedMoveDate >= from && t.PlannedMoveDate < until)
            .GroupBy(t => new { t.PlannedMoveDate.Year, t.PlannedMoveDate.Month, t.DestinationMunicipalityCode, t.TargetGroup, t.State, t.RejectionReason })
            .Select(g => new TransferTally(
                g.Key.Year, g.Key.Month, g.Key.DestinationMunicipalityCode, g.Key.TargetGroup, g.Key.State, g.Key.RejectionReason, g.Count()));

    internal static IQueryable<DurationGroup> DurationsQuery(GatewayDbContext db, DateOnly from, DateOnly until) =>
        db.Transfers.AsNoTracking()
            .Where(t => t.State == TransferState.Completed && t.PlannedMoveDate >= from && t.PlannedMoveDate < until)
            .Join(db.TransferEvents.Where(e => e.ToState == TransferState.Completed), t => t.Id, e => e.TransferId, (t, e) => new
            {
                t.PlannedMoveDate.Year,
                t.PlannedMoveDate.Month,
                t.DestinationMunicipalityCode,
                Submitted = t.CreateTime.Date,
                Completed = e.Time.Date,
            })
            .GroupBy(x => new { x.Year, x.Month, x.DestinationMunicipalityCode, x.Submitted, x.Completed })
            .Select(g => new DurationGroup(g.Key.Year, g.Key.Month, g.Key.DestinationMunicipalityCode, g.Key.Submitted, g.Key.Completed, g.Count()));

    internal static IQueryable<AssessmentTally> AssessmentsQuery(GatewayDbContext db, DateOnly from, DateOnly until) =>
        db.NeedsAssessments.AsNoTracking()
            .Where(a => a.AssessmentDate >= from && a.AssessmentDate < until)
            .GroupBy(a => new { a.AssessmentDate.Year, a.AssessmentDate.Month, a.ResponsibleMunicipalityCode, a.Outcome })
            .Select(g => new AssessmentTally(g.Key.Year, g.Key.Month, g.Key.ResponsibleMunicipalityCode, g.Key.Outcome, g.Count()));

    internal static IQueryable<ServiceGroup> ServicesQuery(GatewayDbContext db, DateOnly from, DateOnly until) =>
        db.ServiceRecords.AsNoTracking()
            .Where(r => r.WithdrawTime == null && r.FirstDay >= from && r.FirstDay < until)
            .GroupBy(r => new { r.FirstDay.Year, r.FirstDay.Month, r.ProviderCode, r.FundingSource, r.EsfProjectCode, r.ServiceType, r.Unit })
            .Select(g => new ServiceGroup(
                g.Key.Year, g.Key.Month, g.Key.ProviderCode, g.Key.FundingSource, g.Key.EsfProjectCode, g.Key.ServiceType, g.Key.Unit,
                g.Count(), g.Select(r => r.ClientId).Distinct().Count(), g.Sum(r => r.Quantity), g.Sum(r => r.CostCents)));

    internal static IQueryable<PlanTally> ValidPlansQuery(GatewayDbContext db, DateOnly day)
    {
        var withPlan = ClientScopeQuery.WithValidPlanOn(db, day);
        return ClientScopeQuery.ActiveOn(db, RelationKind.Responsible, day)
            .Where(r => withPlan.Contains(r.ClientId))
            .Join(db.Clients, r => r.ClientId, c => c.Id, (r, c) => new { r.InstitutionCode, r.ClientId, c.TargetGroup })
            .GroupBy(x => new { x.InstitutionCode, x.TargetGroup })
            .Select(g => new PlanTally(g.Key.InstitutionCode, g.Key.TargetGroup, g.Select(x => x.ClientId).Distinct().Count()));
    }

    internal static IQueryable<OccupancyFigure> OccupancyQuery(GatewayDbContext db, DateOnly day)
    {
        var latest = db.Occupancy
            .Where(o => o.EffectiveFrom <= day)
            .GroupBy(o => o.InstitutionCode)
            .Select(g => new { InstitutionCode = g.Key, EffectiveFrom = g.Max(o => o.EffectiveFrom) });
        return db.Occupancy.AsNoTracking()
            .Join(latest, o => new { o.InstitutionCode, o.EffectiveFrom }, l => new { l.InstitutionCode, l.EffectiveFrom }, (o, _) => o)
            .Select(o => new OccupancyFigure(o.InstitutionCode, o.Places, o.Residents));
    }

    internal sealed record DurationGroup(int Year, int Month, string DestinationMunicipalityCode, DateTime Submitted, DateTime Completed, long Count);

    internal sealed record ServiceGroup(
        int Year, int Month, string ProviderCode, Core.ServiceRecords.FundingSource FundingSource, string? EsfProjectCode,
        Core.Registry.ServiceType ServiceType, Core.Registry.ServiceUnit Unit, long Records, long Clients, long Quantity, long Cents);
}
