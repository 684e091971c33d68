using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Google.Rpc;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Transfers;

/// <summary>The capacity guard: accepting reserves a place, and the last place goes to exactly one transfer.</summary>
public sealed class PlaceCapacityTests
{
    private const string Provider = "prov-demo-madona-group-home";

    [Fact]
    public async Task Accept_WhenTheLastPlaceIsTaken_IsFailedPreconditionUntilAPlaceIsFreed()
    {
        var path = GatewayProcess.NewDatabasePath();
        await using var gateway = await GatewayProcess.StartAsync(path, ReferenceDataWithPlaces(path, 1));
        var first = await NewTransferAsync(gateway);
        var second = await NewTransferAsync(gateway);
        var madona = Client(gateway, "mun-madona");

        var accepted = await madona.AcceptTransferAsync(new AcceptTransferRequest { Name = first.Name, Etag = first.Etag });
        var refused = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => madona.AcceptTransferAsync(new AcceptTransferRequest { Name = second.Name, Etag = second.Etag }).ResponseAsync);
        await Client(gateway, "vsac-zemgale").CancelTransferAsync(new CancelTransferRequest { Name = first.Name, Etag = accepted.Etag });
        var secondAccepted = await madona.AcceptTransferAsync(new AcceptTransferRequest { Name = second.Name, Etag = second.Etag });

        Assert.Equal("NO_FREE_PLACE", refused?.GetDetail<ErrorInfo>()?.Reason);
        Assert.Equal(TransferState.Accepted, secondAccepted.State);
        Assert.Equal(["1|1|0"], await Places(gateway));
    }

    [Fact]
    public async Task CompleteAndCancel_MoveTheCountsAsTheHandoverGoes()
    {
        var path = GatewayProcess.NewDatabasePath();
        await using var gateway = await GatewayProcess.StartAsync(path, ReferenceDataWithPlaces(path, 3));
        var madona = Client(gateway, "mun-madona");
        var moving = await NewTransferAsync(gateway);
        var withdrawn = await NewTransferAsync(gateway);

        var accepted = await madona.AcceptTransferAsync(new AcceptTransferRequest { Name = moving.Name, Etag = moving.Etag });
        var alsoAccepted = await madona.AcceptTransferAsync(new AcceptTransferRequest { Name = withdrawn.Name, Etag = withdrawn.Etag });
        var afterAccepts = await Places(gateway);
        await madona.CompleteTransferAsync(new CompleteTransferRequest { Name = moving.Name, Etag = accepted.Etag });
        await Client(gateway, "vsac-zemgale").CancelTransferAsync(new CancelTransferRequest { Name = withdrawn.Name, Etag = alsoAccepted.Etag });

        Assert.Equal(["3|2|0"], afterAccepts);
        Assert.Equal(["3|0|1"], await Places(gateway));
    }

    [Fact]
    public async Task Accept_ForTheLastPlaceFromTwoGatewayProcessesAtOnce_ExactlyOneSucceeds()
    {
        var path = GatewayProcess.NewDatabasePath();
        var referenceData = ReferenceDataWithPlaces(path, 1);
        await using var first = await GatewayProcess.StartAsync(path, referenceData);
        await using var second = await GatewayProcess.StartAsync(path, referenceData);
        var transfers = new List<Transfer>();
        for (var i = 0; i < 8; i++)
        {
            transfers.Add(await NewTransferAsync(first));
        }

        var attempts = transfers.Select((t, i) => Task.Run(async () =>
        {
            try
            {
                await Client(i % 2 == 0 ? first : second, "mun-madona")
                    .AcceptTransferAsync(new AcceptTransferRequest { Name = t.Name, Etag = t.Etag });
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal([StatusCode.OK, .. Enumerable.Repeat(StatusCode.FailedPrecondition, 7)], outcomes.Order());
        Assert.Equal(["1|1|0"], await Places(first));
        Assert.Equal(["1"], await SqliteFile.ColumnAsync(path, "SELECT COUNT(*) FROM transfers WHERE State = 'Accepted'"));
    }

    private static string ReferenceDataWithPlaces(string databasePath, int places) =>
        "Registry:ReferenceDataPath=" + ReferenceDataVariant.WithPlaces(Path.GetDirectoryName(databasePath)!, Provider, "GroupHome", places);

    private static Task<Transfer> NewTransferAsync(GatewayProcess gateway) => TransferClient.CreateAsync(
        gateway, "vsac-zemgale", TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-madona", provider: Provider, service: ServiceType.GroupHome));

    /// <summary>Total, reserved and occupied group-home places as the municipality's capacity query shows them.</summary>
    private static async Task<List<string>> Places(GatewayProcess gateway)
    {
        var report = await new CapacityService.CapacityServiceClient(gateway.ChannelFor("mun-madona")).QueryCapacityAsync(
            new QueryCapacityRequest { Provider = "institutions/" + Provider, ServiceType = ServiceType.GroupHome });
        return report.Rows.Select(r => $"{r.Counts.Total}|{r.Counts.Reserved}|{r.Counts.Occupied}").ToList();
    }

    private static TransferService.TransferServiceClient Client(GatewayProcess gateway, string caller) => new(gateway.ChannelFor(caller));
}
