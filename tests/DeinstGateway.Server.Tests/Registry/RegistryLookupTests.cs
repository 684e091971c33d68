using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Google.Rpc;
using Grpc.Core;
using GoogleDate = Google.Type.Date;

namespace DeinstGateway.Server.Tests.Registry;

[Collection(SharedGatewayCollection.Name)]
public sealed class RegistryLookupTests(GatewayFixture fixture)
{
    private readonly RegistryService.RegistryServiceClient _registry = new(fixture.Gateway.ChannelFor("mun-ventspils"));

    [Fact]
    public async Task GetInstitution_ServiceProvider_ReturnsItsRegistryEntry()
    {
        var institution = await _registry.GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/prov-cimdins" });

        Assert.Equal("prov-cimdins", institution.Code);
        Assert.Equal(InstitutionKind.ServiceProvider, institution.Kind);
        Assert.Equal("Dienas aprūpes centrs \"Cimdiņš\"", institution.DisplayName);
        Assert.Equal("Kuldīgas iela 4, Ventspils", institution.Address);
        Assert.Equal("institutions/mun-ventspils", institution.Municipality.Name);
        Assert.Equal("Ventspils valstspilsētas pašvaldība", institution.Municipality.DisplayName);
        Assert.Equal("institutions/pr-kurzeme", institution.PlanningRegion.Name);
        Assert.Empty(institution.OfficialCode);
        Assert.Equal([ServiceType.DayCareCentreChildren, ServiceType.SpecialistConsultation], institution.OfferedServices);
    }

    [Fact]
    public async Task GetInstitution_MergedMunicipality_NamesItsSuccessorAndEnd()
    {
        var varaklani = await _registry.GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/mun-varaklani" });

        Assert.Equal("institutions/mun-madona", varaklani.Successor.Name);
        Assert.Equal("Madonas novada pašvaldība", varaklani.Successor.DisplayName);
        Assert.Equal(new GoogleDate { Year = 2025, Month = 7, Day = 1 }, varaklani.ValidTo);
    }

    [Fact]
    public async Task GetInstitution_StateCareCentreAbsorbedIn2021_NamesZemgaleAsSuccessor()
    {
        var vidzeme = await _registry.GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/vsac-vidzeme" });

        Assert.Equal(InstitutionKind.StateCareCentre, vidzeme.Kind);
        Assert.Equal("institutions/vsac-zemgale", vidzeme.Successor.Name);
        Assert.Equal(new GoogleDate { Year = 2021, Month = 1, Day = 1 }, vidzeme.ValidTo);
    }

    [Fact]
    public async Task GetInstitution_UnknownCode_IsNotFound()
    {
        var status = await RpcAssert.FailsWith(StatusCode.NotFound,
            () => _registry.GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/mun-atlantis" }).ResponseAsync);

        Assert.Equal("institutions/mun-atlantis", status?.GetDetail<ResourceInfo>()?.ResourceName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mun-madona")]
    [InlineData("institutions/")]
    [InlineData("institutions/MUN-MADONA")]
    [InlineData("institutions/mun-madona/branches")]
    [InlineData("clients/mun-madona")]
    public async Task GetInstitution_MalformedName_IsInvalidArgumentOnName(string name) =>
        await RpcAssert.InvalidField("name", () => _registry.GetInstitutionAsync(new GetInstitutionRequest { Name = name }).ResponseAsync);

    [Fact]
    public async Task GetInstitution_MessageOverTheReceiveLimit_IsResourceExhausted() =>
        await RpcAssert.FailsWith(StatusCode.ResourceExhausted, () => _registry.GetInstitutionAsync(
            new GetInstitutionRequest { Name = "institutions/" + new string('a', 5 * 1024 * 1024) }).ResponseAsync);

    [Fact]
    public async Task ListServiceTypes_Catalogue_HasEveryServiceWithUnitsAndLimits()
    {
        var response = await _registry.ListServiceTypesAsync(new ListServiceTypesRequest());

        var expected = Enum.GetValues<ServiceType>().Where(t => t != ServiceType.Unspecified).ToList();
        Assert.Equal(expected, response.ServiceTypes.Select(s => s.ServiceType).ToList());
        var respite = response.ServiceTypes.Single(s => s.ServiceType == ServiceType.RespiteCare);
        Assert.Equal("Atelpas brīdis", respite.DisplayNameLv);
        Assert.Equal(ServiceUnit.Days, respite.Unit);
        var yearlyCap = respite.Limits.Single(l => l.Kind == ServiceLimitKind.QuantityCap);
        Assert.Equal((30, LimitPeriod.CalendarYear, 17), (yearlyCap.MaxQuantity, yearlyCap.Period, yearlyCap.MaxAgeYears));
        var homeCare = response.ServiceTypes.Single(s => s.ServiceType == ServiceType.HomeCare);
        Assert.Contains(homeCare.Limits, l => l is { MaxQuantity: 50, Period: LimitPeriod.Week, MinAgeYears: 0, MaxAgeYears: 4 });
        Assert.Contains(homeCare.Limits, l => l is { MaxQuantity: 10, Period: LimitPeriod.Week, MinAgeYears: 5, MaxAgeYears: 17 });
    }
}
