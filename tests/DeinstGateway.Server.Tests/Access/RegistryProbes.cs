using DeinstGateway.Core.Access;
using Deinst.V1;
using Grpc.Core;
using InstitutionKind = DeinstGateway.Core.Registry.InstitutionKind;

namespace DeinstGateway.Server.Tests.Access;

/// <summary>Reference data: every kind reads all of it, so there is no outside to probe.</summary>
public static class RegistryProbes
{
    public static IEnumerable<AccessProbe> All =>
    [
        new(Rpcs.GetInstitution, null, GetInstitutionAsync),
        new(Rpcs.ListInstitutions, null, ListInstitutionsAsync),
        new(Rpcs.ListServiceTypes, null, ListServiceTypesAsync),
    ];

    private static async Task<Seen> GetInstitutionAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var institution = await Client(caller).GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/" + AccessWorld.Municipality });
        return Seen.Answer(institution.Code == AccessWorld.Municipality);
    }

    private static async Task<Seen> ListInstitutionsAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var page = await Client(caller).ListInstitutionsAsync(new ListInstitutionsRequest { PageSize = 1000 });
        return Seen.Answer(page.Institutions.Any(i => i.Code == AccessWorld.Municipality));
    }

    private static async Task<Seen> ListServiceTypesAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var catalogue = await Client(caller).ListServiceTypesAsync(new ListServiceTypesRequest());
        return Seen.Answer(catalogue.ServiceTypes.Any(s => s.ServiceType == ServiceType.DayCareCentreAdults));
    }

    private static RegistryService.RegistryServiceClient Client(CallInvoker caller) => new(caller);
}
