using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;

namespace DeinstGateway.Server.Tests.Lifecycle;

/// <summary>Settings the built gateway refuses to start with: it exits with code 1 and names what to change.</summary>
public sealed class StartupRefusalTests
{
    private const string Production = "environment=Production";

    [Fact]
    public async Task Production_WithKeyFilesCreatedIfMissing_RefusesToStartNamingEachSetting()
    {
        // The test gateways create their key files if missing (GatewayProcess.Arguments).
        var refused = await Assert.ThrowsAsync<GatewayExitedException>(() => GatewayChildProcess.StartAsync(
            AppContext.BaseDirectory, Production, $"Identity:TrustedCaPath={CaCertificateAlone()}"));

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("The Production environment refuses to start", refused.Output, StringComparison.Ordinal);
        Assert.Contains("Audit:CreateKeyFileIfMissing is true", refused.Output, StringComparison.Ordinal);
        Assert.Contains("PersonalData:CreateKeyFileIfMissing is true", refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CA private key", refused.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithTheCaKeyReadableBesideTheCaCertificate_RefusesToStart()
    {
        // The test PKI keeps ca.key beside ca.crt, as the development certificates do.
        var refused = await Assert.ThrowsAsync<GatewayExitedException>(() => GatewayChildProcess.StartAsync(
            AppContext.BaseDirectory, [Production, .. NoKeysCreated]));

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"the gateway can read the CA private key in '{Path.Combine(TestPki.Instance.Folder, "ca.key")}'", refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("IfMissing is true", refused.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithProvidedKeysAndOnlyTheCaCertificate_Starts()
    {
        // A first start outside Production creates the key files the production start is given.
        var path = GatewayProcess.NewDatabasePath();
        await using (await GatewayProcess.StartAsync(path))
        {
        }

        await using var gateway = await GatewayChildProcess.StartOnAsync(
            AppContext.BaseDirectory, path, [Production, .. NoKeysCreated, $"Identity:TrustedCaPath={CaCertificateAlone()}"]);
        var registry = new RegistryService.RegistryServiceClient(gateway.ChannelFor("mun-madona"));

        var madona = await registry.GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/mun-madona" });

        Assert.Equal("mun-madona", madona.Code);
    }

    [Fact]
    public async Task MigrateAtStartOff_OnADatabaseWithoutTheSchema_RefusesToStartNamingThePendingMigrations()
    {
        var refused = await Assert.ThrowsAsync<GatewayExitedException>(() => GatewayChildProcess.StartAsync(
            AppContext.BaseDirectory, "Database:MigrateAtStart=false"));

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Database:MigrateAtStart is false and the database lacks ", refused.Output, StringComparison.Ordinal);
        Assert.Contains("_Initial", refused.Output, StringComparison.Ordinal);
        Assert.Contains("_FundingReportIndex", refused.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAtStartOff_OnAnUpToDateDatabase_Starts()
    {
        var path = GatewayProcess.NewDatabasePath();
        await using (await GatewayProcess.StartAsync(path))
        {
        }

        await using var gateway = await GatewayProcess.StartAsync(path, "Database:MigrateAtStart=false");
        var registry = new RegistryService.RegistryServiceClient(gateway.ChannelFor("mun-madona"));

        var madona = await registry.GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/mun-madona" });

        Assert.Equal("mun-madona", madona.Code);
    }

    private static string[] NoKeysCreated => ["PersonalData:CreateKeyFileIfMissing=false", "Audit:CreateKeyFileIfMissing=false"];

    /// <summary>The test CA's certificate in a folder of its own, without its key.</summary>
    private static string CaCertificateAlone()
    {
        var folder = Directory.CreateTempSubdirectory("deinst-ca-").FullName;
        var path = Path.Combine(folder, "ca.crt");
        File.Copy(TestPki.Instance.CaCertificatePath, path);
        return path;
    }
}
