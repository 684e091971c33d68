using DeinstGateway.Core.Access;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;
using InstitutionKind = DeinstGateway.Core.Registry.InstitutionKind;

namespace DeinstGateway.Server.Tests.Access;

/// <summary>
/// The world's client through the client service. Outside its relations the client does not
/// exist (NOT_FOUND); a list simply leaves it out; a registration the world's municipality made is
/// answered again only to it, to any other as a person the gateway already holds.
/// </summary>
public static class ClientProbes
{
    public static IEnumerable<AccessProbe> All =>
    [
        new(Rpcs.LookupClient, StatusCode.NotFound, LookupAsync),
        new(Rpcs.GetClient, StatusCode.NotFound, GetAsync),
        new(Rpcs.RegisterClient, StatusCode.AlreadyExists, RegisterAsync),
        new(Rpcs.ListClients, StatusCode.OK, ListAsync),
        new(Rpcs.ChangeClientPersonalCode, StatusCode.NotFound, ChangeCodeAsync),
    ];

    /// <summary>The same change each time: the first makes it, the others find it made.</summary>
    private static async Task<Seen> ChangeCodeAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var client = await Client(caller).ChangeClientPersonalCodeAsync(
            new ChangeClientPersonalCodeRequest { Name = world.RegisteredClient, PersonalCode = world.RegisteredClientsNewCode });
        return Seen.Answer(client.Name == world.RegisteredClient && client.Person.PersonalCode == world.RegisteredClientsNewCode, Seen.ShowsIdentity(client.Person));
    }

    private static async Task<Seen> LookupAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var transfer = world.TransferFor(kind);
        var client = await Client(caller).LookupClientAsync(new LookupClientRequest { PersonalCode = transfer.Person.PersonalCode });
        return Seen.Answer(client.Name == transfer.Client, Seen.ShowsIdentity(client.Person));
    }

    private static async Task<Seen> GetAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var transfer = world.TransferFor(kind);
        var overview = await Client(caller).GetClientAsync(new GetClientRequest { Name = transfer.Client });
        return Seen.Answer(overview.Client.Name == transfer.Client, Seen.ShowsIdentity(overview.Client.Person));
    }

    private static async Task<Seen> RegisterAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var client = await Client(caller).RegisterClientAsync(world.Registration);
        return Seen.Answer(client.Name == world.RegisteredClient, Seen.ShowsIdentity(client.Person));
    }

    private static async Task<Seen> ListAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var page = await Client(caller).ListClientsAsync(new ListClientsRequest { PageSize = 1000 });
        var client = page.Clients.FirstOrDefault(c => c.Name == world.Client);
        return Seen.Answer(client is not null, client is null ? null : Seen.ShowsIdentity(client.Person));
    }

    private static ClientService.ClientServiceClient Client(CallInvoker caller) => new(caller);
}
