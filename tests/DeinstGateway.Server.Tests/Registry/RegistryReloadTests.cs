using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using GoogleDate = Google.Type.Date;

namespace DeinstGateway.Server.Tests.Registry;

/// <summary>
/// Reference data is loaded by the replica that starts with the file; a replica already running on
/// the same database answers from its snapshot and takes the new data in at its next refresh.
/// </summary>
public sealed class RegistryReloadTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly GoogleDate EndOfBauska = new() { Year = 2030, Month = 1, Day = 1 };

    [Fact]
    public async Task GetInstitution_AnotherReplicaLoadsChangedReferenceData_ServedByTheRunningReplica()
    {
        var path = GatewayProcess.NewDatabasePath();
        await using var running = await GatewayProcess.StartAsync(path, "Registry:RefreshSeconds=1");
        var registry = new RegistryService.RegistryServiceClient(running.ChannelFor("lm"));
        var before = await registry.GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/mun-bauska" });

        var changed = ReferenceDataVariant.WithInstitutionEnded(Path.GetDirectoryName(path)!, "mun-bauska", new DateOnly(2030, 1, 1));
        await (await GatewayProcess.StartAsync(path, "Registry:ReferenceDataPath=" + changed)).DisposeAsync();
        var after = await OnceItEndsAsync(registry);
        var listedOnItsEnd = await registry.ListInstitutionsAsync(new ListInstitutionsRequest
        {
            PageSize = 1000,
            Kind = InstitutionKind.Municipality,
            ValidOn = EndOfBauska,
        });

        Assert.Null(before.ValidTo);
        Assert.Equal(EndOfBauska, after.ValidTo);
        Assert.DoesNotContain("mun-bauska", listedOnItsEnd.Institutions.Select(i => i.Code));
        Assert.Contains("mun-madona", listedOnItsEnd.Institutions.Select(i => i.Code));
    }

    /// <summary>Asks until the registry entry shows the end or patience runs out; returns the last answer.</summary>
    private static async Task<Institution> OnceItEndsAsync(RegistryService.RegistryServiceClient registry)
    {
        using var patience = new CancellationTokenSource(Patience);
        var bauska = await registry.GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/mun-bauska" });
        while (bauska.ValidTo is null && !patience.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
            bauska = await registry.GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/mun-bauska" });
        }

        return bauska;
    }
}
