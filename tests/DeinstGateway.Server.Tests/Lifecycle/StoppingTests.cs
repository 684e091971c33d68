using DeinstGateway.Core.Errors;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace DeinstGateway.Server.Tests.Lifecycle;

/// <summary>
/// What callers see from the moment a gateway begins to stop (<c>ApplicationStopping</c>), before
/// its server closes: the host stays up here, so every answer is the gateway's own, not a reset.
/// </summary>
public sealed class StoppingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Stopping_WithOpenFeeds_FeedsEndUnavailableAndHealthSaysNotServing()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Feeds:HeartbeatSeconds=1");
        using var patience = new CancellationTokenSource(Patience);
        var health = new Grpc.Health.V1.Health.HealthClient(gateway.ChannelWith(null));
        using var watch = health.Watch(new HealthCheckRequest(), cancellationToken: patience.Token);
        Assert.True(await watch.ResponseStream.MoveNext(patience.Token));
        using var transfers = OpenFeed.Start(OpenFeed.Transfers, gateway.ChannelFor("mun-jelgava"), patience.Token);
        using var capacity = OpenFeed.Start(OpenFeed.Capacity, gateway.ChannelFor("pr-zemgale"), patience.Token);
        // A heartbeat each: both feeds are open and waiting for changes.
        Assert.True(await transfers.MoveNext(patience.Token));
        Assert.True(await capacity.MoveNext(patience.Token));

        Stop(gateway);
        var transfersEnd = await transfers.EndAsync(patience.Token);
        var capacityEnd = await capacity.EndAsync(patience.Token);
        var check = await health.CheckAsync(new HealthCheckRequest(), cancellationToken: patience.Token);
        var watched = new List<ServingStatus>();
        while (await watch.ResponseStream.MoveNext(patience.Token))
        {
            watched.Add(watch.ResponseStream.Current.Status);
        }

        AssertStopping(transfersEnd);
        AssertStopping(capacityEnd);
        Assert.Equal(ServingStatus.NotServing, check.Status);
        Assert.Equal(ServingStatus.NotServing, watched[^1]);
    }

    [Fact]
    public async Task Stopping_DuringASubmitTransfersStream_AnswersWhatArrivedThenEndsUnavailable()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        using var patience = new CancellationTokenSource(Patience);
        var client = new TransferService.TransferServiceClient(gateway.ChannelFor("vsac-zemgale"));
        using var call = client.SubmitTransfers(cancellationToken: patience.Token);
        var first = TransferRequests.Valid(source: "vsac-zemgale");
        await call.RequestStream.WriteAsync(first, patience.Token);
        Assert.True(await call.ResponseStream.MoveNext(patience.Token));
        var answered = call.ResponseStream.Current;

        Stop(gateway);
        var end = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(patience.Token))
            {
            }
        });
        var stored = await client.GetTransferAsync(new GetTransferRequest { Name = answered.Transfer }, cancellationToken: patience.Token);

        Assert.Equal(SubmitOutcome.Created, answered.Outcome);
        AssertStopping(end);
        Assert.Equal(first.Transfer.CaseNumber, stored.CaseNumber);
    }

    private static void Stop(GatewayProcess gateway) =>
        gateway.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

    /// <summary>The gateway's own end of a call when it stops, not a connection reset.</summary>
    internal static void AssertStopping(RpcException end)
    {
        Assert.Equal(StatusCode.Unavailable, end.StatusCode);
        Assert.Equal(GatewayStoppingException.Reason, end.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
    }
}
