using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Capacity;

/// <summary>WatchCapacity: changed rows in scope, resumable exactly once, across gateway processes.</summary>
public sealed class CapacityFeedTests
{
    private const string Workshop = "prov-demo-jelgava-workshop";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Watch_FromTheStartThenResumed_SendsEveryChangedRowOnceWithTodaysCounts()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Feeds:HeartbeatSeconds=1");

        var initial = await RowsUntilIdleAsync(gateway, "pr-zemgale", 0);
        var transfer = await TransferClient.CreateAsync(gateway, "vsac-zemgale",
            TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-jelgava", provider: Workshop, service: ServiceType.SpecialisedWorkshop));
        await Transfers(gateway, "mun-jelgava").AcceptTransferAsync(new AcceptTransferRequest { Name = transfer.Name, Etag = transfer.Etag });
        var later = await RowsUntilIdleAsync(gateway, "pr-zemgale", initial[^1].Sequence);

        Assert.Equal(
            [(Workshop, ServiceType.DayCareCentreAdults), (Workshop, ServiceType.SpecialisedWorkshop)],
            initial.Select(r => (r.Row.Provider.Name["institutions/".Length..], r.Row.ServiceType)).Order());
        var changed = Assert.Single(later);
        Assert.Equal(ServiceType.SpecialisedWorkshop, changed.Row.ServiceType);
        Assert.Equal((15, 1, 14), (changed.Row.Counts.Total, changed.Row.Counts.Reserved, changed.Row.Counts.Free));
        Assert.True(changed.Sequence > initial[^1].Sequence);
    }

    [Fact]
    public async Task Watch_ADeclarationMadeThroughAnotherGateway_ArrivesLive()
    {
        var path = GatewayProcess.NewDatabasePath();
        await using var watched = await GatewayProcess.StartAsync(path);
        await using var other = await GatewayProcess.StartAsync(path);
        var start = (await RowsUntilIdleAsync(watched, Workshop, 0, heartbeatsToWait: 0, maxRows: 2))[^1].Sequence;
        using var stop = new CancellationTokenSource(Patience);
        using var call = Capacity(watched, Workshop).WatchCapacity(new WatchCapacityRequest { AfterSequence = start }, cancellationToken: stop.Token);

        await Capacity(other, "mun-jelgava").SetCapacityAsync(new SetCapacityRequest
        {
            Provider = "institutions/" + Workshop,
            ServiceType = ServiceType.SpecialisedWorkshop,
            Places = 18,
            EffectiveFrom = TransferRequests.Date(TestCalendar.Today.AddDays(1)),
        });
        await Capacity(other, Workshop).SetCapacityAsync(new SetCapacityRequest
        {
            Provider = "institutions/" + Workshop,
            ServiceType = ServiceType.DayCareCentreAdults,
            Places = 3,
            EffectiveFrom = TransferRequests.Date(TestCalendar.Today),
        });
        var rows = new List<CapacityRowChanged>();
        while (rows.Count < 2 && await call.ResponseStream.MoveNext(stop.Token))
        {
            if (call.ResponseStream.Current.KindCase == CapacityEvent.KindOneofCase.Row)
            {
                rows.Add(call.ResponseStream.Current.Row);
            }
        }

        Assert.Equal([ServiceType.SpecialisedWorkshop, ServiceType.DayCareCentreAdults], rows.Select(r => r.Row.ServiceType));
        Assert.Equal(15, rows[0].Row.Counts.Total);
        Assert.Equal(3, rows[1].Row.Counts.Total);
    }

    [Fact]
    public async Task Watch_ChangesOutsideTheScope_AreNotSent()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Feeds:HeartbeatSeconds=1");

        var madona = await RowsUntilIdleAsync(gateway, "mun-madona", 0);
        var riga = await RowsUntilIdleAsync(gateway, "mun-riga", 0);

        Assert.All(madona, r => Assert.Equal("institutions/mun-madona", r.Row.Municipality.Name));
        Assert.NotEmpty(madona);
        Assert.Empty(riga);
    }

    [Fact]
    public async Task Watch_ByACareCentre_IsPermissionDenied()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        using var call = Capacity(gateway, "vsac-zemgale").WatchCapacity(new WatchCapacityRequest());

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => call.ResponseStream.MoveNext(CancellationToken.None));
    }

    /// <summary>Changed rows sent before the stream falls idle (its first heartbeat), or until enough arrived.</summary>
    private static async Task<List<CapacityRowChanged>> RowsUntilIdleAsync(
        GatewayProcess gateway, string caller, long after, int heartbeatsToWait = 1, int maxRows = int.MaxValue)
    {
        using var stop = new CancellationTokenSource(Patience);
        using var call = Capacity(gateway, caller).WatchCapacity(new WatchCapacityRequest { AfterSequence = after }, cancellationToken: stop.Token);
        var rows = new List<CapacityRowChanged>();
        while (rows.Count < maxRows && await call.ResponseStream.MoveNext(stop.Token))
        {
            if (call.ResponseStream.Current.KindCase == CapacityEvent.KindOneofCase.Heartbeat && heartbeatsToWait > 0)
            {
                break;
            }

            if (call.ResponseStream.Current.KindCase == CapacityEvent.KindOneofCase.Row)
            {
                rows.Add(call.ResponseStream.Current.Row);
            }
        }

        return rows;
    }

    private static CapacityService.CapacityServiceClient Capacity(GatewayProcess gateway, string caller) => new(gateway.ChannelFor(caller));

    private static TransferService.TransferServiceClient Transfers(GatewayProcess gateway, string caller) => new(gateway.ChannelFor(caller));
}
