using DeinstGateway.Server.Tests.Infrastructure;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Limits;

/// <summary>Limits:MaxOpenFeedsPerInstitution: how many feeds one institution holds open on one gateway.</summary>
public sealed class OpenFeedLimitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Watch_OneFeedOverTheCap_IsResourceExhaustedUntilAnotherCloses()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Feeds:HeartbeatSeconds=1", "Limits:MaxOpenFeedsPerInstitution=2");
        using var stop = new CancellationTokenSource(Patience);
        var riga = gateway.ChannelFor("mun-riga");
        var transfers = OpenFeed.Start(OpenFeed.Transfers, riga, stop.Token);
        using var capacity = OpenFeed.Start(OpenFeed.Capacity, riga, stop.Token);
        Assert.True(await transfers.MoveNext(stop.Token));
        Assert.True(await capacity.MoveNext(stop.Token));

        using var third = OpenFeed.Start(OpenFeed.Transfers, riga, stop.Token);
        var refused = await third.EndAsync(stop.Token);
        using var otherInstitution = OpenFeed.Start(OpenFeed.Transfers, gateway.ChannelFor("mun-bauska"), stop.Token);
        var otherOpened = await otherInstitution.MoveNext(stop.Token);
        transfers.Dispose();
        var reopened = await OpenOnceFreeAsync(riga, stop.Token);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("already has 2 feeds open", refused.Status.Detail);
        Assert.True(otherOpened);
        Assert.True(reopened);
    }

    /// <summary>The gateway frees a slot when it sees the closed call end, a moment after the client closed it.</summary>
    private static async Task<bool> OpenOnceFreeAsync(CallInvoker invoker, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var feed = OpenFeed.Start(OpenFeed.Transfers, invoker, cancellationToken);
            try
            {
                return await feed.MoveNext(cancellationToken);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }
}
