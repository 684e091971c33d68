using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using GoogleDate = Google.Type.Date;

namespace DeinstGateway.Server.Tests.Persistence;

/// <summary>
/// The registry as each provider loads it into the snapshot calls answer from: ordinal keyset
/// paging, half-open validity, the reference data as loaded. Each provider's test class runs all of them.
/// </summary>
public static class RegistryStorageChecks
{
    public static async Task PagingVisitsEveryInstitutionOnceInOrdinalOrder(GatewayProcess gateway)
    {
        var registry = new RegistryService.RegistryServiceClient(gateway.ChannelFor("lm"));
        var date = new DateOnly(2025, 6, 30);
        var request = new ListInstitutionsRequest { PageSize = 3, ValidOn = new GoogleDate { Year = 2025, Month = 6, Day = 30 } };
        var codes = new List<string>();
        do
        {
            var page = await registry.ListInstitutionsAsync(request);
            codes.AddRange(page.Institutions.Select(i => i.Code));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(ReferenceDataExpectations.CodesValidOn(date), codes);
    }

    public static async Task ValidityEndIsExclusive(GatewayProcess gateway)
    {
        var registry = new RegistryService.RegistryServiceClient(gateway.ChannelFor("lm"));

        async Task<bool> ListsVaraklaniOn(int day, int month) =>
            (await registry.ListInstitutionsAsync(new ListInstitutionsRequest
            {
                PageSize = 1000,
                PlanningRegion = "institutions/pr-vidzeme",
                ValidOn = new GoogleDate { Year = 2025, Month = month, Day = day },
            })).Institutions.Any(i => i.Code == "mun-varaklani");

        Assert.True(await ListsVaraklaniOn(30, 6));
        Assert.False(await ListsVaraklaniOn(1, 7));
    }
}

public sealed class SqliteRegistryStorageTests
{
    [Fact]
    public async Task Paging_OnSqlite_VisitsEveryInstitutionOnceInOrdinalOrder()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        await RegistryStorageChecks.PagingVisitsEveryInstitutionOnceInOrdinalOrder(gateway);
    }

    [Fact]
    public async Task Validity_OnSqlite_EndIsExclusive()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        await RegistryStorageChecks.ValidityEndIsExclusive(gateway);
    }
}

public sealed class SqlServerRegistryStorageTests
{
    [SqlServerFact]
    public async Task Paging_OnSqlServer_VisitsEveryInstitutionOnceInOrdinalOrder()
    {
        await using var database = new SqlServerTestDatabase();
        await using var gateway = await database.StartGatewayAsync();
        await RegistryStorageChecks.PagingVisitsEveryInstitutionOnceInOrdinalOrder(gateway);
    }

    [SqlServerFact]
    public async Task Validity_OnSqlServer_EndIsExclusive()
    {
        await using var database = new SqlServerTestDatabase();
        await using var gateway = await database.StartGatewayAsync();
        await RegistryStorageChecks.ValidityEndIsExclusive(gateway);
    }
}
