using System.Data.Common;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Errors;
using DeinstGateway.Persistence.Audit;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.Clients;

internal sealed class ClientStore(GatewayDbContext db, IWriteSerializer writeSerializer, AccessLogAppender accessLog) : IClientStore
{
    public async Task<ClientRecord?> FindAsync(string clientId, CancellationToken cancellationToken) =>
        (await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clientId, cancellationToken))?.ToDomain();

    public Task<ClientRecord?> FindByCodeAsync(IReadOnlyCollection<byte[]> codeHashes, CancellationToken cancellationToken) =>
        FindByCodeAsync(db, codeHashes, cancellationToken);

    public async Task<ClientReach> ReachAsync(string clientId, ClientScope scope, CancellationToken cancellationToken)
    {
        var inScope = ClientScopeQuery.ClientIds(db, scope);
        var found = await db.Clients.AsNoTracking()
            .Where(c => c.Id == clientId)
            // EXISTS on this one id, through the relations' client index: IN would collect every client in the scope first.
            .Select(c => new { InScope = inScope.Any(id => id == c.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? ClientReach.Unknown : found.InScope ? ClientReach.InScope : ClientReach.OutOfScope;
    }

    public async Task<IReadOnlyList<ClientRelation>> RelationsAsync(IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken) =>
        await RelationsAsync(db, clientIds, cancellationToken);

    public async Task<IReadOnlyList<ClientRecord>> ListAsync(
        ClientScope scope, ClientFilter filter, string? afterId, int limit, CancellationToken cancellationToken)
    {
        var inScope = ClientScopeQuery.ClientIds(db, scope);
        var query = db.Clients.AsNoTracking().Where(c => inScope.Contains(c.Id));
        if (filter.TargetGroup is { } group)
        {
            query = query.Where(c => c.TargetGroup == group);
        }

        if (filter.HasValidSupportPlan is { } wanted)
        {
            var withPlan = ClientScopeQuery.WithValidPlanOn(db, scope.On);
            query = query.Where(c => withPlan.Contains(c.Id) == wanted);
        }

        if (afterId is not null)
        {
            query = query.Where(c => string.Compare(c.Id, afterId) > 0);
        }

        var rows = await query.OrderBy(c => c.Id).Take(limit).ToListAsync(cancellationToken);
        return rows.Select(c => c.ToDomain()).ToList();
    }

    public async Task ChangeCodeAsync(ClientRecord changed, AccessEntry access, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await writeSerializer.EnterAsync(db, cancellationToken);
        try
        {
            await db.Clients.Where(c => c.Id == changed.Id).ExecuteUpdateAsync(
                u => u.SetProperty(c => c.PersonalCodeHash, changed.PersonalCodeHash)
                    .SetProperty(c => c.FormerPersonalCodeHash, changed.FormerPersonalCodeHash)
                    .SetProperty(c => c.ProtectedIdentity, changed.ProtectedIdentity)
                    .SetProperty(c => c.UpdateTime, DateTime.UtcNow),
                cancellationToken);
        }
        catch (DbException e) when (UniqueViolation.Is(e))
        {
            throw new ConflictException(ClientDirectory.ClientExists, "Another client holds this personal code.");
        }

        await accessLog.AppendAsync(db, [access], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IClientRegistration> BeginRegistrationAsync(CancellationToken cancellationToken) =>
        new Registration(db, await writeSerializer.BeginWriteAsync(db, cancellationToken), accessLog);

    private static async Task<ClientRecord?> FindByCodeAsync(GatewayDbContext db, IReadOnlyCollection<byte[]> codeHashes, CancellationToken cancellationToken)
    {
        var hashes = codeHashes.ToList();
        var row = await db.Clients.AsNoTracking()
            .Where(c => hashes.Contains(c.PersonalCodeHash) || (c.FormerPersonalCodeHash != null && hashes.Contains(c.FormerPersonalCodeHash)))
            .FirstOrDefaultAsync(cancellationToken);
        return row?.ToDomain();
    }

    private static async Task<IReadOnlyList<ClientRelation>> RelationsAsync(
        GatewayDbContext db, IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken)
    {
        var ids = clientIds.ToList();
        var rows = await db.ClientRelations.AsNoTracking().Where(r => ids.Contains(r.ClientId)).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToDomain()).ToList();
    }

    private sealed class Registration(GatewayDbContext db, IDbContextTransaction transaction, AccessLogAppender accessLog) : IClientRegistration
    {
        public async Task<KnownRegistration?> FindRequestAsync(string municipalityCode, string requestId, CancellationToken cancellationToken)
        {
            var id = StoredUuid.ToBytes(requestId);
            var row = await db.ClientRegistrations.AsNoTracking()
                .SingleOrDefaultAsync(r => r.MunicipalityCode == municipalityCode && r.RequestId == id, cancellationToken);
            return row is null ? null : new KnownRegistration(row.ClientId, row.ContentHash);
        }

        public Task<ClientRecord?> FindByCodeAsync(IReadOnlyCollection<byte[]> codeHashes, CancellationToken cancellationToken) =>
            ClientStore.FindByCodeAsync(db, codeHashes, cancellationToken);

        public async Task CommitAsync(
            ClientRecord client, ClientRelation responsibility, string requestId, byte[] contentHash, AccessEntry access, CancellationToken cancellationToken)
        {
            var now = DateTime.UtcNow;
            db.Clients.Add(client.ToRow(now));
            db.ClientRelations.Add(responsibility.ToRow(null, null));
            db.ClientRegistrations.Add(new ClientRegistrationRow
            {
                MunicipalityCode = responsibility.InstitutionCode,
                RequestId = StoredUuid.ToBytes(requestId),
                ContentHash = contentHash,
                ClientId = client.Id,
                CreateTime = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            await accessLog.AppendAsync(db, [access], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            db.ChangeTracker.Clear();
        }
    }
}
