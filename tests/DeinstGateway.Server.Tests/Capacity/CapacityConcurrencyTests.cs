using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Capacity;

/// <summary>Places declared and taken through two gateway processes on one database: the counts stay true on both.</summary>
public sealed class CapacityConcurrencyTests
{
    private const string Provider = "prov-demo-madona-group-home";
    private const int Places = 12;

    [Fact]
    public async Task AcceptAndComplete_ManyAtOnceThroughTwoGateways_NeverOverbookAndCountsMatchTheTransfers()
    {
        var path = GatewayProcess.NewDatabasePath();
        var referenceData = "Registry:ReferenceDataPath=" + ReferenceDataVariant.WithPlaces(Path.GetDirectoryName(path)!, Provider, "GroupHome", Places);
        await using var first = await GatewayProcess.StartAsync(path, referenceData);
        await using var second = await GatewayProcess.StartAsync(path, referenceData);
        var requests = Enumerable.Range(0, 30)
            .Select(_ => TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-madona", provider: Provider, service: ServiceType.GroupHome))
            .ToList();
        var created = await TransferClient.SubmitAsync(first, "vsac-zemgale", requests);
        var transfers = await Task.WhenAll(created.Select(c =>
            Transfers(first).GetTransferAsync(new GetTransferRequest { Name = c.Transfer }).ResponseAsync));

        var outcomes = await Task.WhenAll(transfers.Select((t, i) => Task.Run(async () =>
        {
            var gateway = i % 2 == 0 ? first : second;
            try
            {
                var accepted = await Transfers(gateway).AcceptTransferAsync(new AcceptTransferRequest { Name = t.Name, Etag = t.Etag });
                if (i % 3 == 0)
                {
                    await Transfers(gateway).CompleteTransferAsync(new CompleteTransferRequest { Name = t.Name, Etag = accepted.Etag });
                    return "completed";
                }

                return "accepted";
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
            {
                return "full";
            }
        })));

        var report = await new CapacityService.CapacityServiceClient(second.ChannelFor("mun-madona"))
            .QueryCapacityAsync(new QueryCapacityRequest { Provider = "institutions/" + Provider, ServiceType = ServiceType.GroupHome });
        var row = Assert.Single(report.Rows);
        Assert.Equal(Places, outcomes.Count(o => o != "full"));
        Assert.Equal(outcomes.Count(o => o == "completed"), row.Counts.Occupied);
        Assert.Equal(outcomes.Count(o => o == "accepted"), row.Counts.Reserved);
        Assert.Equal((Places, 0), (row.Counts.Total, row.Counts.Free));
        var states = await SqliteFile.ColumnAsync(path, "SELECT State FROM transfers");
        Assert.Equal(outcomes.Count(o => o == "completed"), states.Count(s => s == "Completed"));
        Assert.Equal(outcomes.Count(o => o == "accepted"), states.Count(s => s == "Accepted"));
    }

    // The second gateway keeps the places it read; every query must still see what the first committed since.
    [Fact]
    public async Task QueryCapacity_ThroughAReplicaThatHasReadBefore_ShowsEveryDeclarationAndPlaceTakenThroughTheOther()
    {
        var path = GatewayProcess.NewDatabasePath();
        await using var first = await GatewayProcess.StartAsync(path);
        await using var second = await GatewayProcess.StartAsync(path);
        var query = new QueryCapacityRequest { Provider = "institutions/" + Provider, ServiceType = ServiceType.GroupHome };
        async Task<PlaceCounts> CountsOnSecondAsync() =>
            (await new CapacityService.CapacityServiceClient(second.ChannelFor("mun-madona")).QueryCapacityAsync(query)).Total;

        var seen = new List<(int Total, int Reserved, int Occupied)>();
        foreach (var places in new[] { 3, 5 })
        {
            await CountsOnSecondAsync();
            await new CapacityService.CapacityServiceClient(first.ChannelFor("mun-madona")).SetCapacityAsync(new SetCapacityRequest
            {
                Provider = "institutions/" + Provider,
                ServiceType = ServiceType.GroupHome,
                Places = places,
                EffectiveFrom = TransferRequests.Date(TestCalendar.Today),
            });
            var declared = await CountsOnSecondAsync();
            var created = Assert.Single(await TransferClient.SubmitAsync(first, "vsac-zemgale",
                [TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-madona", provider: Provider, service: ServiceType.GroupHome)]));
            var transfer = await Transfers(first).GetTransferAsync(new GetTransferRequest { Name = created.Transfer });
            var accepted = await Transfers(first).AcceptTransferAsync(new AcceptTransferRequest { Name = transfer.Name, Etag = transfer.Etag });
            var reserved = await CountsOnSecondAsync();
            await Transfers(first).CompleteTransferAsync(new CompleteTransferRequest { Name = transfer.Name, Etag = accepted.Etag });
            var occupied = await CountsOnSecondAsync();
            seen.AddRange([(declared.Total, declared.Reserved, declared.Occupied), (reserved.Total, reserved.Reserved, reserved.Occupied), (occupied.Total, occupied.Reserved, occupied.Occupied)]);
        }

        Assert.Equal([(3, 0, 0), (3, 1, 0), (3, 0, 1), (5, 0, 1), (5, 1, 1), (5, 0, 2)], seen);
    }

    private static TransferService.TransferServiceClient Transfers(GatewayProcess gateway) => new(gateway.ChannelFor("mun-madona"));
}
