using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Persistence.Database;

namespace DeinstGateway.Persistence.Clients;

/// <summary>
/// The one translation of <see cref="ClientScope"/> into SQL: the ids of the clients in scope, as a
/// sub-query every store filters by. A relation is in force on a day as
/// <see cref="ClientRelation.IsActiveOn"/> says; a storage test keeps the two equal.
/// </summary>
internal static class ClientScopeQuery
{
    public static IQueryable<string> ClientIds(GatewayDbContext db, ClientScope scope)
    {
        var codes = scope.InstitutionCodes.ToList();
        var day = scope.On;
        return scope.Kind switch
        {
            ClientScopeKind.All => db.Clients.Select(c => c.Id),
            ClientScopeKind.Responsible => Related(db, RelationKind.Responsible, codes, day),
            ClientScopeKind.Provided => Related(db, RelationKind.Provider, codes, day),
            ClientScopeKind.Sent => db.Transfers
                .Where(t => t.State != TransferState.Cancelled
                    && (codes.Contains(t.SourceCode) || (t.SourceParentCode != null && codes.Contains(t.SourceParentCode))))
                .Select(t => t.ClientId),
            _ => db.Clients.Where(_ => false).Select(c => c.Id),
        };
    }

    /// <summary>The relations of one kind in force on the day.</summary>
    public static IQueryable<ClientRelationRow> ActiveOn(GatewayDbContext db, RelationKind kind, DateOnly day) =>
        db.ClientRelations.Where(r => r.Kind == kind && r.ValidFrom <= day && (r.ValidTo == null || day < r.ValidTo));

    /// <summary>The clients with a support plan valid on the day.</summary>
    public static IQueryable<string> WithValidPlanOn(GatewayDbContext db, DateOnly day) =>
        db.SupportPlans.Where(p => p.ValidFrom <= day && (p.ValidTo == null || day < p.ValidTo)).Select(p => p.ClientId);

    private static IQueryable<string> Related(GatewayDbContext db, RelationKind kind, List<string> codes, DateOnly day) =>
        ActiveOn(db, kind, day).Where(r => codes.Contains(r.InstitutionCode)).Select(r => r.ClientId);
}
