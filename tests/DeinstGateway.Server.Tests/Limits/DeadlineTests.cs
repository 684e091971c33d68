using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Data.Sqlite;

namespace DeinstGateway.Server.Tests.Limits;

/// <summary>Calls cut short by their caller or their deadline leave nothing half-written; on gateways of their own.</summary>
public sealed class DeadlineTests
{
    private const string Centre = "vsac-zemgale";
    private const string Workshop = "prov-demo-jelgava-workshop";

    [Fact]
    public async Task Submit_CancelledMidway_LeavesEveryTransferWithItsClientAndEvent()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Transfers:SubmitBatchSize=50");
        using var cancel = new CancellationTokenSource();
        using var call = new TransferService.TransferServiceClient(gateway.ChannelFor(Centre)).SubmitTransfers(cancellationToken: cancel.Token);
        var answered = 0;
        var reading = Task.Run(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None) && ++answered < 300)
            {
            }

            await cancel.CancelAsync();
        });

        try
        {
            // The stream is never closed: it ends only by the cancellation.
            foreach (var request in Enumerable.Range(0, 3_000).Select(_ => TransferRequests.Valid()))
            {
                await call.RequestStream.WriteAsync(request, cancel.Token);
            }
        }
        catch (Exception e) when (e is RpcException { StatusCode: StatusCode.Cancelled } or OperationCanceledException)
        {
            // Cancelled while still sending.
        }

        await reading;
        // The server notices the cancellation at its next step: let a batch it was writing end first.
        await Task.Delay(500);

        var transfers = await CountAsync(gateway, "transfers");
        Assert.True(transfers >= 300, $"{transfers} transfers");
        Assert.Equal(transfers, await CountAsync(gateway, "clients"));
        Assert.Equal(transfers, await CountAsync(gateway, "transfer_events"));
    }

    [Fact]
    public async Task SetCapacity_DeadlinePassedBeforeTheCallStarts_IsDeadlineExceededAndWritesNothing()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        var before = await CountAsync(gateway, "capacity_declarations");
        using var channel = gateway.ChannelWith(TestPki.Instance.ClientCertificate(Workshop), new SentTimeout("1u"));
        var expiring = new CapacityService.CapacityServiceClient(channel);

        await RpcAssert.FailsWith(StatusCode.DeadlineExceeded,
            () => expiring.SetCapacityAsync(Declare(), deadline: DateTime.UtcNow.AddMinutes(1)).ResponseAsync);

        Assert.Equal(before, await CountAsync(gateway, "capacity_declarations"));
    }

    // grpc-dotnet reads a timeout shorter than its clock's tick (0S, 99n) as no deadline at all.
    [Theory]
    [InlineData("0S")]
    [InlineData("99n")]
    public async Task Submit_TimeoutTooShortToBeADeadline_IsDeadlineExceededAndWritesNothing(string timeout)
    {
        await using var gateway = await GatewayProcess.StartAsync();
        using var channel = gateway.ChannelWith(TestPki.Instance.ClientCertificate(Centre), new SentTimeout(timeout));
        var expired = channel.Intercept(new DeclaredPurposeInterceptor(ReferenceDataExpectations.KindOf(Centre)));

        await RpcAssert.FailsWith(StatusCode.DeadlineExceeded,
            () => TransferClient.SubmitAsync(expired, [TransferRequests.Valid()]));

        Assert.Equal(0, await CountAsync(gateway, "transfers"));
        Assert.Equal(0, await CountAsync(gateway, "clients"));
    }

    /// <summary>
    /// The caller keeps no deadline timer of its own and only sends grpc-timeout, so it learns of
    /// DEADLINE_EXCEEDED from the gateway, after the gateway's deadline: the database is released
    /// only then, and the waiting call may commit only after its deadline, which the gateway
    /// refuses however late the call's cancellation comes. (A caller's own timer starts before it
    /// connects and may end before the gateway's deadline; a write committed in between stays.)
    /// </summary>
    [Fact]
    public async Task SetCapacity_DeadlinePassingWhileWaitingForTheDatabase_WritesNothingAndTheNextCallIsServed()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        var capacity = new CapacityService.CapacityServiceClient(gateway.ChannelFor(Workshop));
        using var channel = gateway.ChannelWith(TestPki.Instance.ClientCertificate(Workshop), new SentTimeout("500m"));
        var expiring = new CapacityService.CapacityServiceClient(channel);
        var before = await CountAsync(gateway, "capacity_declarations");

        await using (var writer = new SqliteConnection($"Data Source={gateway.DatabasePath};Pooling=False"))
        {
            await writer.OpenAsync();
            await using var command = writer.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE";
            await command.ExecuteNonQueryAsync();

            await RpcAssert.FailsWith(StatusCode.DeadlineExceeded,
                () => expiring.SetCapacityAsync(Declare()).ResponseAsync);
            command.CommandText = "ROLLBACK";
            await command.ExecuteNonQueryAsync();
        }

        // The abandoned call may still be waiting for the lock just released: give it time to go wrong.
        await Task.Delay(500);
        var unchanged = await CountAsync(gateway, "capacity_declarations");
        await capacity.SetCapacityAsync(Declare());

        Assert.Equal(before, unchanged);
        Assert.Equal(before + 1, await CountAsync(gateway, "capacity_declarations"));
    }

    private static SetCapacityRequest Declare() => new()
    {
        Provider = "institutions/" + Workshop,
        ServiceType = ServiceType.SpecialisedWorkshop,
        Places = 7,
        EffectiveFrom = TransferRequests.Date(TestCalendar.Today),
    };

    private static Task<long> CountAsync(GatewayProcess gateway, string table) => SqliteFile.CountAsync(gateway.DatabasePath, table);

    /// <summary>
    /// Tells the server only this much time remains, whatever deadline the client keeps (1u has
    /// passed by the time the call starts; a client never sends an expired deadline).
    /// </summary>
    private sealed class SentTimeout(string timeout) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("grpc-timeout");
            request.Headers.TryAddWithoutValidation("grpc-timeout", timeout);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
