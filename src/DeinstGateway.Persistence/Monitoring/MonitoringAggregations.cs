using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Monitoring;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Persistence.Clients;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.Monitoring;

/// <summary>
/// Monitoring's aggregations: each one GROUP BY that EF Core translates for SQLite and SQL Server
/// alike (a test translates every one for SQL Server without a server), so only counts and sums
/// leave the database, never a row about a person.
/// </summary>
public static class MonitoringAggregations
{
    public static IQueryable<TransferTally> Transfers(GatewayDbContext db, DateOnly from, DateOnly until) =>
        db.Transfers.AsNoTracking()
            .Where(t => t.PlannedMoveDate >= from && t.PlannedMoveDate < until)
            .GroupBy(t => new { t.PlannedMoveDate.Year, t.PlannedMoveDate.Month, t.DestinationMunicipalityCode, t.TargetGroup, t.State, t.RejectionReason })
            .Select(g => new TransferTally(
                g.Key.Year, g.Key.Month, g.Key.DestinationMunicipalityCode, g.Key.TargetGroup, g.Key.State, g.Key.RejectionReason, g.Count()));

    public static IQueryable<DurationGroup> Durations(GatewayDbContext db, DateOnly from, DateOnly until) =>
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

    public static IQueryable<AssessmentTally> Assessments(GatewayDbContext db, DateOnly from, DateOnly until) =>
        db.NeedsAssessments.AsNoTracking()
            .Where(a => a.AssessmentDate >= from && a.AssessmentDate < until)
            .GroupBy(a => new { a.AssessmentDate.Year, a.AssessmentDate.Month, a.ResponsibleMunicipalityCode, a.Outcome })
            .Select(g => new AssessmentTally(g.Key.Year, g.Key.Month, g.Key.ResponsibleMunicipalityCode, g.Key.Outcome, g.Count()));

    public static IQueryable<ServiceGroup> Services(GatewayDbContext db, DateOnly from, DateOnly until) =>
        db.ServiceRecords.AsNoTracking()
            .Where(r => r.WithdrawTime == null && r.FirstDay >= from && r.FirstDay < until)
            .GroupBy(r => new { r.FirstDay.Year, r.FirstDay.Month, r.ProviderCode, r.ProjectCode, r.ServiceType, r.Unit })
            .Select(g => new ServiceGroup(
                g.Key.Year, g.Key.Month, g.Key.ProviderCode, g.Key.ProjectCode, g.Key.ServiceType, g.Key.Unit,
                g.Count(), g.Select(r => r.ClientId).Distinct().Count(), g.Sum(r => r.Quantity), g.Sum(r => r.CostCents)));

    public static IQueryable<PlanTally> ValidPlans(GatewayDbContext db, DateOnly day)
    {
        var withPlan = ClientScopeQuery.WithValidPlanOn(db, day);
        return ClientScopeQuery.ActiveOn(db, RelationKind.Responsible, day)
            .Where(r => withPlan.Contains(r.ClientId))
            .Join(db.Clients, r => r.ClientId, c => c.Id, (r, c) => new { r.InstitutionCode, r.ClientId, c.TargetGroup })
            .GroupBy(x => new { x.InstitutionCode, x.TargetGroup })
            .Select(g => new PlanTally(g.Key.InstitutionCode, g.Key.TargetGroup, g.Select(x => x.ClientId).Distinct().Count()));
    }

    public static IQueryable<OccupancyFigure> Occupancy(GatewayDbContext db, DateOnly day)
    {
        var latest = db.Occupancy
            .Where(o => o.EffectiveFrom <= day)
            .GroupBy(o => o.InstitutionCode)
            .Select(g => new { InstitutionCode = g.Key, EffectiveFrom = g.Max(o => o.EffectiveFrom) });
        return db.Occupancy.AsNoTracking()
            .Join(latest, o => new { o.InstitutionCode, o.EffectiveFrom }, l => new { l.InstitutionCode, l.EffectiveFrom }, (o, _) => o)
            .Select(o => new OccupancyFigure(o.InstitutionCode, o.Places, o.Residents));
    }

    public sealed record DurationGroup(int Year, int Month, string DestinationMunicipalityCode, DateTime Submitted, DateTime Completed, long Count);

    public sealed record ServiceGroup(
        int Year, int Month, string ProviderCode, string ProjectCode,
        Core.Registry.ServiceType ServiceType, Core.Registry.ServiceUnit Unit, long Records, long Clients, long Quantity, long Cents);
}
