using DeinstGateway.Core.Clients;
using DeinstGateway.Persistence.Clients;
using DeinstGateway.Persistence.Database;
using DeinstGateway.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Server.Tests.Persistence;

/// <summary>
/// The client scope is written once in Core (<see cref="ClientRelation.IsActiveOn"/>) and
/// translated to SQL once: on a real SQLite file both must say the same for every day around
/// every kind of relation interval.
/// </summary>
public sealed class ClientScopeStorageTests
{
    private static readonly DateOnly Start = new(2026, 1, 10);

    [Fact]
    public async Task Reach_ForEveryDayAroundEachInterval_AgreesWithTheCoreRule()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        (DateOnly From, DateOnly? To)[] intervals =
        [
            (Start, null),
            (Start, Start.AddDays(3)),
            (Start, Start),
            (Start, Start.AddDays(1)),
        ];
        var clients = new List<(string Id, ClientRelation Relation)>();
        await using (var scope = gateway.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
            foreach (var (from, to) in intervals)
            {
                var id = ClientRecord.NewId();
                var relation = new ClientRelation(id, RelationKind.Responsible, "mun-madona", from, to);
                db.Clients.Add(new ClientRow { Id = id, PersonalCodeHash = Guid.NewGuid().ToByteArray(), ProtectedIdentity = [1] });
                db.ClientRelations.Add(new ClientRelationRow
                {
                    ClientId = id, Kind = relation.Kind, InstitutionCode = relation.InstitutionCode, ValidFrom = from, ValidTo = to,
                });
                clients.Add((id, relation));
            }

            await db.SaveChangesAsync();
        }

        var disagreements = new List<string>();
        await using (var scope = gateway.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IClientStore>();
            for (var day = Start.AddDays(-1); day <= Start.AddDays(4); day = day.AddDays(1))
            {
                foreach (var (id, relation) in clients)
                {
                    var reach = await store.ReachAsync(id, new ClientScope(ClientScopeKind.Responsible, ["mun-madona"], day), CancellationToken.None);
                    var other = await store.ReachAsync(id, new ClientScope(ClientScopeKind.Responsible, ["mun-riga"], day), CancellationToken.None);
                    if ((reach == ClientReach.InScope) != relation.IsActiveOn(day) || other != ClientReach.OutOfScope)
                    {
                        disagreements.Add($"{relation.From}..{relation.To} on {day}: {reach}, another municipality {other}");
                    }
                }
            }
        }

        Assert.Empty(disagreements);
    }
}
