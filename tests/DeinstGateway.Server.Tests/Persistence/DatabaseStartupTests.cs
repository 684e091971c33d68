using System.Text.Json.Nodes;
using DeinstGateway.Persistence.Database;
using DeinstGateway.Persistence.Registry;
using DeinstGateway.Server.Hosting;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Server.Tests.Persistence;

/// <summary>What happens to the SQLite file when gateways start on it.</summary>
public sealed class DatabaseStartupTests
{
    [Fact]
    public async Task Start_OnAnEmptyFile_AppliesEveryMigrationAndLoadsTheRegistry()
    {
        await using var gateway = await GatewayProcess.StartAsync();

        var applied = await SqliteFile.ColumnAsync(gateway.DatabasePath, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId");
        await using var scope = gateway.Services.CreateAsyncScope();
        var known = scope.ServiceProvider.GetRequiredService<GatewayDbContext>().Database.GetMigrations().ToList();
        Assert.NotEmpty(known);
        Assert.Equal(known, applied);
        var codes = await SqliteFile.ColumnAsync(gateway.DatabasePath, "SELECT Code FROM institutions ORDER BY Code");
        Assert.Equal(TestPki.Instance.InstitutionCodes.Order(StringComparer.Ordinal), codes);
    }

    [Fact]
    public async Task Start_TwiceOnTheSameFile_LeavesTheRegistryRowsAsTheyWere()
    {
        var path = GatewayProcess.NewDatabasePath();
        await using (await GatewayProcess.StartAsync(path))
        {
        }

        var afterFirst = await RegistryDumpAsync(path);
        await using var second = await GatewayProcess.StartAsync(path);
        var afterSecond = await RegistryDumpAsync(path);

        Assert.Equal(afterFirst, afterSecond);
        await using var scope = second.Services.CreateAsyncScope();
        var again = await scope.ServiceProvider.GetRequiredService<ReferenceDataLoader>()
            .LoadAsync(TestPki.ReferenceDataPath, CancellationToken.None);
        Assert.Equal(new ReferenceDataLoadResult(0, 0, 0), again);
    }

    [Fact]
    public async Task Start_WithAChangedReferenceFile_UpdatesAndAddsRows()
    {
        var path = GatewayProcess.NewDatabasePath();
        await using (await GatewayProcess.StartAsync(path))
        {
        }

        var changedFile = Path.Combine(Path.GetDirectoryName(path)!, "reference-data.json");
        var document = JsonNode.Parse(await File.ReadAllTextAsync(TestPki.ReferenceDataPath))!;
        var institutions = document["institutions"]!.AsArray();
        institutions.Single(i => (string?)i!["code"] == "prov-cimdins")!["address"] = "Kuldīgas iela 6, Ventspils";
        var added = institutions.Single(i => (string?)i!["code"] == "prov-cimdins")!.DeepClone();
        added["code"] = "prov-demo-ventspils-workshop";
        added["name"] = "Darbnīca (demonstrācijas dati)";
        institutions.Add(added);
        await File.WriteAllTextAsync(changedFile, document.ToJsonString());

        await using var gateway = await GatewayProcess.StartAsync(path, $"Registry:ReferenceDataPath={changedFile}");
        var registry = new RegistryService.RegistryServiceClient(gateway.ChannelFor("lm"));
        var cimdins = await registry.GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/prov-cimdins" });
        var inVentspils = await registry.ListInstitutionsAsync(new ListInstitutionsRequest { Municipality = "institutions/mun-ventspils" });

        Assert.Equal("Kuldīgas iela 6, Ventspils", cimdins.Address);
        Assert.Equal(["prov-cimdins", "prov-demo-ventspils-workshop"], inVentspils.Institutions.Select(i => i.Code));
    }

    [Fact]
    public async Task Start_TwoReplicasAtOnceOnANewFile_BothServeTheSameRegistry()
    {
        var path = GatewayProcess.NewDatabasePath();

        var replicas = await Task.WhenAll(GatewayProcess.StartAsync(path), GatewayProcess.StartAsync(path));
        try
        {
            foreach (var replica in replicas)
            {
                var registry = new RegistryService.RegistryServiceClient(replica.ChannelFor("lm"));
                var page = await registry.ListInstitutionsAsync(new ListInstitutionsRequest { PageSize = 1000, ValidOn = new Google.Type.Date { Year = 2025, Month = 6, Day = 30 } });
                Assert.Equal(ReferenceDataExpectations.CodesValidOn(new DateOnly(2025, 6, 30)), page.Institutions.Select(i => i.Code));
            }

            var migrations = await SqliteFile.ColumnAsync(path, "SELECT MigrationId FROM __EFMigrationsHistory");
            Assert.Equal(migrations.Distinct().Count(), migrations.Count);
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Start_WithAnUnknownProvider_FailsNamingTheSetting()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayApplication.BuildAsync(
        [
            "--environment=Testing",
            "--Database:Provider=Oracle",
            $"--Tls:CertificatePath={TestPki.Instance.ServerCertificatePath}",
            $"--Tls:KeyPath={TestPki.Instance.ServerKeyPath}",
            $"--Identity:TrustedCaPath={TestPki.Instance.CaCertificatePath}",
        ]));

        Assert.Contains("Database:Provider 'Oracle' is not supported", exception.Message, StringComparison.Ordinal);
    }

    private static async Task<string> RegistryDumpAsync(string path) =>
        await SqliteFile.DumpAsync(path, "institutions", "Code")
        + await SqliteFile.DumpAsync(path, "service_types", "Type")
        + await SqliteFile.DumpAsync(path, "service_limits", "Code");
}
