using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Paging;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Tests.Registry;

public sealed class RegistryQueriesTests
{
    private static readonly InstitutionFilter AllOnMergerDay =
        new(Kind: null, PlanningRegionCode: null, MunicipalityCode: null, ParentCode: null, ValidOn: new DateOnly(2025, 7, 1));

    [Fact]
    public async Task ListInstitutionsAsync_FiveInstitutionsPageSizeTwo_WalksAllInOrderWithoutDuplicates()
    {
        // Arrange
        // Given out of order so that the order of the result cannot come from insertion order.
        var queries = QueriesOver("mun-dobele", "mun-ape", "mun-madona", "mun-bauska", "mun-cesis");
        var codes = new List<string>();
        var pageSizes = new List<int>();
        var token = string.Empty;

        // Act
        // The bound stops a token that never runs out from hanging the test run.
        for (var guard = 0; guard < 10; guard++)
        {
            var page = await queries.ListInstitutionsAsync(AllOnMergerDay, new PageRequest(2, token), CancellationToken.None);
            codes.AddRange(page.Items.Select(i => i.Code));
            pageSizes.Add(page.Items.Count);
            token = page.NextPageToken;
            if (token.Length == 0)
            {
                break;
            }
        }

        // Assert
        Assert.Equal(["mun-ape", "mun-bauska", "mun-cesis", "mun-dobele", "mun-madona"], codes);
        Assert.Equal([2, 2, 1], pageSizes);
        Assert.Equal(string.Empty, token);
    }

    [Fact]
    public async Task ListInstitutionsAsync_ExactlyTwoFullPages_SecondPageHasEmptyToken()
    {
        // Arrange
        var queries = QueriesOver("mun-ape", "mun-bauska", "mun-cesis", "mun-dobele");

        // Act
        var first = await queries.ListInstitutionsAsync(AllOnMergerDay, new PageRequest(2, null), CancellationToken.None);
        var second = await queries.ListInstitutionsAsync(
            AllOnMergerDay, new PageRequest(2, first.NextPageToken), CancellationToken.None);

        // Assert
        Assert.Equal(["mun-ape", "mun-bauska"], first.Items.Select(i => i.Code));
        Assert.NotEqual(string.Empty, first.NextPageToken);
        Assert.Equal(["mun-cesis", "mun-dobele"], second.Items.Select(i => i.Code));
        Assert.Equal(string.Empty, second.NextPageToken);
    }

    [Fact]
    public async Task ListInstitutionsAsync_FewerThanPageSize_ReturnsOnePageWithEmptyToken()
    {
        // Arrange
        var queries = QueriesOver("mun-ape", "mun-bauska");

        // Act
        var page = await queries.ListInstitutionsAsync(AllOnMergerDay, new PageRequest(0, null), CancellationToken.None);

        // Assert
        Assert.Equal(["mun-ape", "mun-bauska"], page.Items.Select(i => i.Code));
        Assert.Equal(string.Empty, page.NextPageToken);
    }

    [Fact]
    public async Task ListInstitutionsAsync_TokenFromOtherFilter_ThrowsValidationExceptionOnPageToken()
    {
        // Arrange
        var queries = QueriesOver("mun-ape", "mun-bauska", "mun-cesis");
        var first = await queries.ListInstitutionsAsync(AllOnMergerDay, new PageRequest(2, null), CancellationToken.None);
        var otherDay = AllOnMergerDay with { ValidOn = new DateOnly(2025, 7, 2) };

        // Act
        var exception = await Assert.ThrowsAsync<ValidationException>(() =>
            queries.ListInstitutionsAsync(otherDay, new PageRequest(2, first.NextPageToken), CancellationToken.None));

        // Assert
        var violation = Assert.Single(exception.Violations);
        Assert.Equal("page_token", violation.Field);
    }

    [Fact]
    public async Task GetInstitutionAsync_ExistingCode_ReturnsInstitution()
    {
        // Arrange
        var queries = QueriesOver("mun-ape", "mun-madona");

        // Act
        var institution = await queries.GetInstitutionAsync("mun-madona", CancellationToken.None);

        // Assert
        Assert.Equal("mun-madona", institution.Code);
    }

    [Fact]
    public async Task GetInstitutionAsync_MissingCode_ThrowsNotFoundWithResourceName()
    {
        // Arrange
        var queries = QueriesOver("mun-ape", "mun-madona");

        // Act
        var exception = await Assert.ThrowsAsync<NotFoundException>(() =>
            queries.GetInstitutionAsync("mun-nowhere", CancellationToken.None));

        // Assert
        Assert.Equal("institutions/mun-nowhere", exception.ResourceName);
    }

    [Fact]
    public async Task ListInstitutionsAsync_ValidityHalfOpen_ListsFromValidFromUntilTheDayBeforeValidTo()
    {
        // Arrange
        var merged = Municipality("mun-varaklani") with { ValidFrom = new DateOnly(2021, 7, 1), ValidTo = new DateOnly(2025, 7, 1) };
        var queries = new RegistryQueries(new FixedRegistry(merged, Municipality("mun-madona")));

        // Act
        async Task<IEnumerable<string>> CodesOn(int year, int month, int day) =>
            (await queries.ListInstitutionsAsync(AllOnMergerDay with { ValidOn = new DateOnly(year, month, day) }, new PageRequest(0, null), CancellationToken.None))
            .Items.Select(i => i.Code);

        // Assert
        Assert.Equal(["mun-madona"], await CodesOn(2021, 6, 30));
        Assert.Equal(["mun-madona", "mun-varaklani"], await CodesOn(2021, 7, 1));
        Assert.Equal(["mun-madona", "mun-varaklani"], await CodesOn(2025, 6, 30));
        Assert.Equal(["mun-madona"], await CodesOn(2025, 7, 1));
    }

    [Fact]
    public async Task ListInstitutionsAsync_EachFilter_NarrowsToInstitutionsMatchingIt()
    {
        // Arrange
        var region = new InstitutionRef("pr-vidzeme", "Vidzeme");
        var madona = new InstitutionRef("mun-madona", "Madona");
        var centre = new InstitutionRef("vsac-vidzeme", "VSAC Vidzeme");
        var queries = new RegistryQueries(new FixedRegistry(
            Municipality("mun-madona") with { PlanningRegion = region },
            Municipality("mun-riga"),
            Municipality("prov-madona") with { Kind = InstitutionKind.ServiceProvider, PlanningRegion = region, Municipality = madona },
            Municipality("vsac-vidzeme-branch") with { Kind = InstitutionKind.CareCentreBranch, Parent = centre }));

        // Act
        async Task<IEnumerable<string>> Codes(InstitutionFilter filter) =>
            (await queries.ListInstitutionsAsync(filter, new PageRequest(0, null), CancellationToken.None)).Items.Select(i => i.Code);

        // Assert
        Assert.Equal(["mun-madona", "mun-riga"], await Codes(AllOnMergerDay with { Kind = InstitutionKind.Municipality }));
        Assert.Equal(["mun-madona", "prov-madona"], await Codes(AllOnMergerDay with { PlanningRegionCode = "pr-vidzeme" }));
        Assert.Equal(["prov-madona"], await Codes(AllOnMergerDay with { MunicipalityCode = "mun-madona" }));
        Assert.Equal(["vsac-vidzeme-branch"], await Codes(AllOnMergerDay with { ParentCode = "vsac-vidzeme" }));
        Assert.Empty(await Codes(AllOnMergerDay with { Kind = InstitutionKind.ServiceProvider, PlanningRegionCode = "pr-kurzeme" }));
    }

    [Fact]
    public async Task ListInstitutionsAsync_TokenNamesACodeGoneFromTheRegistry_ContinuesAfterItsPlace()
    {
        // Arrange
        var before = new RegistryQueries(new FixedRegistry(
            Municipality("mun-ape"), Municipality("mun-bauska"), Municipality("mun-cesis"), Municipality("mun-dobele")));
        var afterReload = new RegistryQueries(new FixedRegistry(
            Municipality("mun-ape"), Municipality("mun-cesis"), Municipality("mun-dobele")));
        var first = await before.ListInstitutionsAsync(AllOnMergerDay, new PageRequest(2, null), CancellationToken.None);

        // Act
        var second = await afterReload.ListInstitutionsAsync(AllOnMergerDay, new PageRequest(2, first.NextPageToken), CancellationToken.None);

        // Assert
        Assert.Equal(["mun-ape", "mun-bauska"], first.Items.Select(i => i.Code));
        Assert.Equal(["mun-cesis", "mun-dobele"], second.Items.Select(i => i.Code));
        Assert.Equal(string.Empty, second.NextPageToken);
    }

    private static RegistryQueries QueriesOver(params string[] codes) =>
        new(new FixedRegistry([.. codes.Select(Municipality)]));

    private static Institution Municipality(string code) => new(
        Code: code,
        Kind: InstitutionKind.Municipality,
        DisplayName: code,
        PlanningRegion: null,
        Municipality: null,
        Parent: null,
        Address: null,
        ValidFrom: null,
        ValidTo: null,
        Successor: null,
        OfficialCode: null);
}
