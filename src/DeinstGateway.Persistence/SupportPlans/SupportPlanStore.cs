using System.Text.Json;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.SupportPlans;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Persistence.Audit;
using DeinstGateway.Persistence.Clients;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.SupportPlans;

internal sealed class SupportPlanStore(GatewayDbContext db, IWriteSerializer writeSerializer, AccessLogAppender accessLog) : ISupportPlanStore
{
    public async Task<SupportPlan?> FindAsync(string clientId, string planId, CancellationToken cancellationToken)
    {
        var row = await db.SupportPlans.AsNoTracking()
            .SingleOrDefaultAsync(p => p.ClientId == clientId && p.PlanId == planId, cancellationToken);
        return row is null ? null : ToDomain(row);
    }

    public async Task<IReadOnlyList<SupportPlan>> ListAsync(string clientId, string? afterPlanId, int limit, CancellationToken cancellationToken)
    {
        var query = db.SupportPlans.AsNoTracking().Where(p => p.ClientId == clientId);
        if (afterPlanId is not null)
        {
            query = query.Where(p => string.Compare(p.PlanId, afterPlanId) > 0);
        }

        var rows = await query.OrderBy(p => p.PlanId).Take(limit).ToListAsync(cancellationToken);
        return rows.Select(ToDomain).ToList();
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<SupportPlan>>> ListOfClientsAsync(
        IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken)
    {
        var clients = clientIds.ToList();
        var rows = await db.SupportPlans.AsNoTracking()
            .Where(p => clients.Contains(p.ClientId))
            .OrderBy(p => p.ClientId).ThenBy(p => p.PlanId)
            .ToListAsync(cancellationToken);
        return rows.GroupBy(p => p.ClientId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SupportPlan>)g.Select(ToDomain).ToList(), StringComparer.Ordinal);
    }

    public async Task SaveAsync(SupportPlan plan, int? expectedVersion, AccessEntry access, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await writeSerializer.EnterAsync(db, cancellationToken);
        SupportPlanRow row;
        if (expectedVersion is null)
        {
            row = new SupportPlanRow { ClientId = plan.ClientId, PlanId = plan.PlanId, ResponsibleMunicipalityCode = plan.ResponsibleMunicipalityCode, PlannedServices = string.Empty };
            db.SupportPlans.Add(row);
        }
        else
        {
            row = new SupportPlanRow
            {
                ClientId = plan.ClientId,
                PlanId = plan.PlanId,
                ResponsibleMunicipalityCode = plan.ResponsibleMunicipalityCode,
                PlannedServices = string.Empty,
                Version = expectedVersion.Value,
            };
            db.SupportPlans.Attach(row);
        }

        row.AssessmentDate = plan.AssessmentDate;
        row.ValidFrom = plan.ValidFrom;
        row.ValidTo = plan.ValidTo;
        row.PlannedServices = JsonSerializer.Serialize(plan.PlannedServices, JsonSerializerOptions.Web);
        row.Version = plan.Version;
        row.UpdateTime = plan.UpdateTime.UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await ClientRelationWriter.ReplacePlanProvidersAsync(db, plan.ClientId, plan.PlanId, plan.ProviderRelations(), cancellationToken);
            await accessLog.AppendAsync(db, [access], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException("The plan was changed by another call meanwhile; read it again.");
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw new ConflictException("SUPPORT_PLAN_EXISTS", "The plan exists; send its etag to replace it.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static SupportPlan ToDomain(SupportPlanRow row) => new(
        row.ClientId,
        row.PlanId,
        row.ResponsibleMunicipalityCode,
        row.AssessmentDate,
        row.ValidFrom,
        row.ValidTo,
        JsonSerializer.Deserialize<List<PlannedService>>(row.PlannedServices, JsonSerializerOptions.Web) ?? [],
        row.Version,
        StoredTime.AsUtc(row.UpdateTime));
}
