using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Transfers;

/// <summary>WatchTransfers: resumable, exactly once, in order, across gateway processes.</summary>
public sealed class TransferFeedTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Watch_ReconnectingAfterTheLastSequence_GetsEveryLaterChangeOnceInOrder()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Feeds:HeartbeatSeconds=1");
        var first = await TransferClient.CreateAsync(gateway, "vsac-zemgale", TransferRequests.Valid(source: "vsac-zemgale"));
        var second = await TransferClient.CreateAsync(gateway, "vsac-zemgale", TransferRequests.Valid(source: "vsac-zemgale"));

        var before = await ChangesUntilIdleAsync(gateway, "mun-jelgava", 0);
        var accepted = await Client(gateway, "mun-jelgava").AcceptTransferAsync(new AcceptTransferRequest { Name = first.Name, Etag = first.Etag });
        await Client(gateway, "vsac-zemgale").CancelTransferAsync(new CancelTransferRequest { Name = second.Name, Etag = second.Etag });
        var after = await ChangesUntilIdleAsync(gateway, "mun-jelgava", before[^1].Sequence);

        Assert.Equal([first.Name, second.Name], before.Select(c => c.Transfer));
        Assert.All(before, c => Assert.Equal(TransferState.Submitted, c.Change.ToState));
        Assert.Equal(
            [(first.Name, TransferState.Accepted, accepted.Etag), (second.Name, TransferState.Cancelled, (string?)null)],
            after.Select(c => (c.Transfer, c.Change.ToState, c.Transfer == first.Name ? c.Etag : null)));
        var sequences = before.Concat(after).Select(c => c.Sequence).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Distinct().Count(), sequences.Count);
    }

    [Fact]
    public async Task Watch_ChangesMadeThroughAnotherGatewayOnTheSameFile_ArriveLive()
    {
        var path = GatewayProcess.NewDatabasePath();
        await using var watched = await GatewayProcess.StartAsync(path);
        await using var other = await GatewayProcess.StartAsync(path);
        using var stop = new CancellationTokenSource(Patience);
        using var call = Client(watched, "mun-bauska").WatchTransfers(new WatchTransfersRequest(), cancellationToken: stop.Token);

        var created = await TransferClient.CreateAsync(other, "vsac-zemgale", TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-bauska"));
        await Client(other, "mun-bauska").RejectTransferAsync(new RejectTransferRequest
        {
            Name = created.Name,
            Etag = created.Etag,
            Reason = RejectionReason.PersonDeclined,
        });
        var changes = await TransferChanges.ReadAsync(call.ResponseStream, 2, stop.Token);

        Assert.Equal([TransferState.Submitted, TransferState.Rejected], changes.Select(c => c.Change.ToState));
        Assert.Equal(RejectionReason.PersonDeclined, changes[1].Change.RejectionReason);
        Assert.All(changes, c => Assert.Equal(created.Name, c.Transfer));
    }

    [Fact]
    public async Task Watch_TwoFeedsOpenAndIdle_BothReceiveANewTransfer()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Feeds:HeartbeatSeconds=1");
        using var stop = new CancellationTokenSource(Patience);
        using var municipality = Client(gateway, "mun-bauska").WatchTransfers(new WatchTransfersRequest(), cancellationToken: stop.Token);
        using var region = Client(gateway, "pr-zemgale").WatchTransfers(new WatchTransfersRequest(), cancellationToken: stop.Token);
        // Each has caught up and sent its first heartbeat: both now wait on the one watcher.
        Assert.True(await municipality.ResponseStream.MoveNext(stop.Token));
        Assert.True(await region.ResponseStream.MoveNext(stop.Token));

        var created = await TransferClient.CreateAsync(gateway, "vsac-zemgale", TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-bauska"));
        var toMunicipality = await TransferChanges.ReadAsync(municipality.ResponseStream, 1, stop.Token);
        var toRegion = await TransferChanges.ReadAsync(region.ResponseStream, 1, stop.Token);

        Assert.Equal(created.Name, Assert.Single(toMunicipality).Transfer);
        Assert.Equal(created.Name, Assert.Single(toRegion).Transfer);
    }

    [Fact]
    public async Task Watch_OnlyChangesOfVisibleTransfers_AreSentAndNoPersonalData()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        await TransferClient.CreateAsync(gateway, "vsac-zemgale", TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-bauska"));
        var mine = await TransferClient.CreateAsync(gateway, "vsac-zemgale", TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-dobele"));

        var changes = await TakeChangesAsync(gateway, "mun-dobele", 0, 1);
        var forRegion = await TakeChangesAsync(gateway, "pr-zemgale", 0, 2);

        Assert.Equal(mine.Name, Assert.Single(changes).Transfer);
        Assert.Equal(2, forRegion.Count);
        Assert.Equal("institutions/mun-dobele", changes[0].DestinationMunicipality.Name);
    }

    [Fact]
    public async Task Watch_WhenIdle_SendsHeartbeatsThatAreSafeToResumeFrom()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Feeds:HeartbeatSeconds=1");
        await TransferClient.CreateAsync(gateway, "vsac-zemgale", TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-bauska"));
        using var stop = new CancellationTokenSource(Patience);
        using var call = Client(gateway, "mun-riga").WatchTransfers(new WatchTransfersRequest(), cancellationToken: stop.Token);

        Assert.True(await call.ResponseStream.MoveNext(stop.Token));
        var first = call.ResponseStream.Current;

        Assert.Equal(TransferEvent.KindOneofCase.Heartbeat, first.KindCase);
        Assert.Equal(1, first.Heartbeat.Sequence);
    }

    [Fact]
    public async Task Watch_NegativeAfterSequence_IsInvalidArgument()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        using var call = Client(gateway, "lm").WatchTransfers(new WatchTransfersRequest { AfterSequence = -1 });

        await RpcAssert.InvalidField("after_sequence", () => call.ResponseStream.MoveNext(CancellationToken.None));
    }

    /// <summary>Every change sent before the stream falls idle (its first heartbeat).</summary>
    private static async Task<List<TransferChange>> ChangesUntilIdleAsync(GatewayProcess gateway, string caller, long after)
    {
        using var stop = new CancellationTokenSource(Patience);
        using var call = Client(gateway, caller).WatchTransfers(new WatchTransfersRequest { AfterSequence = after }, cancellationToken: stop.Token);
        var changes = new List<TransferChange>();
        while (await call.ResponseStream.MoveNext(stop.Token) && call.ResponseStream.Current.KindCase == TransferEvent.KindOneofCase.Change)
        {
            changes.Add(call.ResponseStream.Current.Change);
        }

        return changes;
    }

    private static async Task<List<TransferChange>> TakeChangesAsync(GatewayProcess gateway, string caller, long after, int count)
    {
        using var stop = new CancellationTokenSource(Patience);
        using var call = Client(gateway, caller).WatchTransfers(new WatchTransfersRequest { AfterSequence = after }, cancellationToken: stop.Token);
        return await TransferChanges.ReadAsync(call.ResponseStream, count, stop.Token);
    }

    private static TransferService.TransferServiceClient Client(GatewayProcess gateway, string caller) => new(gateway.ChannelFor(caller));
}
