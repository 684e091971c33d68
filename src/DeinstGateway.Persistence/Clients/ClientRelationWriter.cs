using DeinstGateway.Core.Clients;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.Clients;

/// <summary>Applies relation changes inside the caller's transaction, which already holds the write lock.</summary>
internal static class ClientRelationWriter
{
    public static async Task ApplyAsync(GatewayDbContext db, RelationChanges changes, CancellationToken cancellationToken)
    {
        foreach (var end in changes.Ended)
        {
            var on = end.On;
            var open = db.ClientRelations.Where(r => r.ClientId == end.ClientId && r.Kind == end.Kind && r.ValidTo == null);
            if (end.KeepInstitutionCode is { } keep)
            {
                open = open.Where(r => r.InstitutionCode != keep);
            }

            if (end.TransferId is { } transfer)
            {
                open = open.Where(r => r.TransferId == transfer);
            }

            if (end.StartedByTransfers)
            {
                open = open.Where(r => r.TransferId != null);
            }

            // A relation that starts later than it ends (registered ahead) was never in force: it ends where it starts.
            await open.ExecuteUpdateAsync(u => u.SetProperty(r => r.ValidTo, r => r.ValidFrom > on ? r.ValidFrom : on), cancellationToken);
        }

        if (changes.Started.Count > 0)
        {
            db.ClientRelations.AddRange(changes.Started.Select(s => s.Relation.ToRow(s.TransferId, null)));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Replaces the provider relations a support plan gives with the ones of its current version.</summary>
    public static async Task ReplacePlanProvidersAsync(
        GatewayDbContext db, string clientId, string planId, IReadOnlyList<ClientRelation> providers, CancellationToken cancellationToken)
    {
        await db.ClientRelations.Where(r => r.ClientId == clientId && r.SupportPlanId == planId).ExecuteDeleteAsync(cancellationToken);
        db.ClientRelations.AddRange(providers.Select(p => p.ToRow(null, planId)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
