using DeinstGateway.Core.Access;
using Deinst.V1;
using Grpc.Core;
using InstitutionKind = DeinstGateway.Core.Registry.InstitutionKind;

namespace DeinstGateway.Server.Tests.Access;

/// <summary>The access log of the world's client: outside its care the client is NOT_FOUND.</summary>
public static class AuditProbes
{
    public static IEnumerable<AccessProbe> All =>
    [
        new(Rpcs.ListClientAccess, StatusCode.NotFound, ListClientAccessAsync),
        new(Rpcs.VerifyAuditLog, null, VerifyAsync),
    ];

    private static async Task<Seen> ListClientAccessAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var page = await Client(caller).ListClientAccessAsync(new ListClientAccessRequest { Parent = world.Client, PageSize = 1000 });
        return Seen.Answer(page.Accesses.Count > 0);
    }

    private static async Task<Seen> VerifyAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var verdict = await Client(caller).VerifyAuditLogAsync(new VerifyAuditLogRequest());
        return Seen.Answer(verdict.Intact && verdict.VerifiedEntries > 0);
    }

    private static AuditService.AuditServiceClient Client(CallInvoker caller) => new(caller);
}
