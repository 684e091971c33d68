using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using GoogleDate = Google.Type.Date;

namespace DeinstGateway.Server.Tests.Registry;

[Collection(SharedGatewayCollection.Name)]
public sealed class ListInstitutionsTests(GatewayFixture fixture)
{
    private static readonly DateOnly SummerOf2025 = new(2025, 6, 30);
    private readonly RegistryService.RegistryServiceClient _registry = new(fixture.Gateway.ChannelFor("pr-vidzeme"));

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(50)]
    [InlineData(1000)]
    public async Task ListInstitutions_PagedThroughAll_YieldsEveryValidInstitutionOnceInOrder(int pageSize)
    {
        var request = new ListInstitutionsRequest { PageSize = pageSize, ValidOn = Date(SummerOf2025) };

        var codes = await ListAllAsync(request);

        Assert.Equal(ReferenceDataExpectations.CodesValidOn(SummerOf2025), codes);
    }

    [Fact]
    public async Task ListInstitutions_DefaultPageSize_Is50WithATokenForMore()
    {
        var page = await _registry.ListInstitutionsAsync(new ListInstitutionsRequest { ValidOn = Date(SummerOf2025) });

        Assert.Equal(50, page.Institutions.Count);
        Assert.NotEmpty(page.NextPageToken);
    }

    [Fact]
    public async Task ListInstitutions_OnTheDayBeforeTheMerger_IncludesVaraklani()
    {
        var codes = await ListAllAsync(new ListInstitutionsRequest
        {
            Kind = InstitutionKind.Municipality,
            ValidOn = Date(new DateOnly(2025, 6, 30)),
        });

        Assert.Contains("mun-varaklani", codes);
        Assert.Equal(43, codes.Count);
    }

    [Fact]
    public async Task ListInstitutions_OnTheDayOfTheMerger_LeavesVaraklaniOut()
    {
        var codes = await ListAllAsync(new ListInstitutionsRequest
        {
            Kind = InstitutionKind.Municipality,
            ValidOn = Date(new DateOnly(2025, 7, 1)),
        });

        Assert.DoesNotContain("mun-varaklani", codes);
        Assert.Contains("mun-madona", codes);
        Assert.Equal(42, codes.Count);
    }

    [Fact]
    public async Task ListInstitutions_StateCareCentresAcrossThe2021Merger_FiveThenFour()
    {
        var before = await ListAllAsync(new ListInstitutionsRequest
        {
            Kind = InstitutionKind.StateCareCentre,
            ValidOn = Date(new DateOnly(2020, 12, 31)),
        });
        var after = await ListAllAsync(new ListInstitutionsRequest
        {
            Kind = InstitutionKind.StateCareCentre,
            ValidOn = Date(new DateOnly(2021, 1, 1)),
        });

        Assert.Equal(["vsac-kurzeme", "vsac-latgale", "vsac-riga", "vsac-vidzeme", "vsac-zemgale"], before);
        Assert.Equal(["vsac-kurzeme", "vsac-latgale", "vsac-riga", "vsac-zemgale"], after);
    }

    [Fact]
    public async Task ListInstitutions_ByParent_ReturnsTheBranchesOfTheCentre()
    {
        var codes = await ListAllAsync(new ListInstitutionsRequest { Parent = "institutions/vsac-zemgale" });

        Assert.Equal(8, codes.Count);
        Assert.All(codes, code => Assert.StartsWith("vsac-zemgale-", code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListInstitutions_ByPlanningRegionAndKind_ReturnsItsMunicipalities()
    {
        var codes = await ListAllAsync(new ListInstitutionsRequest
        {
            Kind = InstitutionKind.Municipality,
            PlanningRegion = "institutions/pr-kurzeme",
        });

        Assert.Equal(
            ["mun-dienvidkurzeme", "mun-kuldiga", "mun-liepaja", "mun-saldus", "mun-talsi", "mun-tukums", "mun-ventspils", "mun-ventspils-novads"],
            codes);
    }

    [Fact]
    public async Task ListInstitutions_ByMunicipality_ReturnsTheProvidersThere()
    {
        var page = await _registry.ListInstitutionsAsync(new ListInstitutionsRequest { Municipality = "institutions/mun-ventspils" });

        Assert.Equal(["prov-cimdins"], page.Institutions.Select(i => i.Code));
        Assert.Empty(page.NextPageToken);
    }

    [Fact]
    public async Task ListInstitutions_PageSizeOver1000_IsCoercedTo1000() =>
        Assert.Equal(
            ReferenceDataExpectations.CodesValidOn(SummerOf2025).Count,
            (await _registry.ListInstitutionsAsync(new ListInstitutionsRequest { PageSize = 5000, ValidOn = Date(SummerOf2025) })).Institutions.Count);

    [Fact]
    public async Task ListInstitutions_NegativePageSize_IsInvalidArgument() =>
        await RpcAssert.InvalidField("page_size",
            () => _registry.ListInstitutionsAsync(new ListInstitutionsRequest { PageSize = -1 }).ResponseAsync);

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJGaWx0ZXIiOiJ4In0")]
    [InlineData("e30")]
    public async Task ListInstitutions_MalformedPageToken_IsInvalidArgument(string token) =>
        await RpcAssert.InvalidField("page_token",
            () => _registry.ListInstitutionsAsync(new ListInstitutionsRequest { PageToken = token }).ResponseAsync);

    [Fact]
    public async Task ListInstitutions_TokenReusedWithOtherFilters_IsInvalidArgument()
    {
        var first = await _registry.ListInstitutionsAsync(new ListInstitutionsRequest { PageSize = 2, Kind = InstitutionKind.Municipality });

        await RpcAssert.InvalidField("page_token", () => _registry.ListInstitutionsAsync(new ListInstitutionsRequest
        {
            PageSize = 2,
            Kind = InstitutionKind.ServiceProvider,
            PageToken = first.NextPageToken,
        }).ResponseAsync);
    }

    [Fact]
    public async Task ListInstitutions_TokenWithOtherPageSize_ContinuesWhereItStopped()
    {
        var first = await _registry.ListInstitutionsAsync(new ListInstitutionsRequest { PageSize = 3, Kind = InstitutionKind.Municipality });
        var second = await _registry.ListInstitutionsAsync(new ListInstitutionsRequest
        {
            PageSize = 5,
            Kind = InstitutionKind.Municipality,
            PageToken = first.NextPageToken,
        });

        var all = await ListAllAsync(new ListInstitutionsRequest { Kind = InstitutionKind.Municipality });
        Assert.Equal(all.Skip(3).Take(5), second.Institutions.Select(i => i.Code));
    }

    [Fact]
    public async Task ListInstitutions_ImpossibleValidOnDate_IsInvalidArgument() =>
        await RpcAssert.InvalidField("valid_on", () => _registry.ListInstitutionsAsync(new ListInstitutionsRequest
        {
            ValidOn = new GoogleDate { Year = 2025, Month = 2, Day = 30 },
        }).ResponseAsync);

    [Fact]
    public async Task ListInstitutions_UnknownKindNumber_IsInvalidArgument() =>
        await RpcAssert.InvalidField("kind", () => _registry.ListInstitutionsAsync(new ListInstitutionsRequest
        {
            Kind = (InstitutionKind)42,
        }).ResponseAsync);

    [Fact]
    public async Task ListInstitutions_MalformedParent_IsInvalidArgument() =>
        await RpcAssert.InvalidField("parent", () => _registry.ListInstitutionsAsync(new ListInstitutionsRequest
        {
            Parent = "vsac-zemgale",
        }).ResponseAsync);

    private async Task<List<string>> ListAllAsync(ListInstitutionsRequest request)
    {
        var codes = new List<string>();
        do
        {
            var page = await _registry.ListInstitutionsAsync(request);
            codes.AddRange(page.Institutions.Select(i => i.Code));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0 && codes.Count < 10_000);

        return codes;
    }

    private static GoogleDate Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
