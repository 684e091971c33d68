using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using DeinstGateway.Server.Telemetry;
using DeinstGateway.Server.Tests.Clients;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;
using StatusCode = Grpc.Core.StatusCode;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DeinstGateway.Server.Tests.Telemetry;

/// <summary>
/// The gateway's meter as a listener in this process sees it: only this test's gateway's
/// instruments (those its own meter factory made), whatever other gateways the tests run.
/// </summary>
public sealed class GatewayMeterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Meter_CallsRefusalsStreamMessagesFeedsAndAccessLogCommits_AreCountedByMethodInstitutionAndOutcome()
    {
        await using var gateway = await GatewayProcess.StartAsync(null, "Feeds:HeartbeatSeconds=1");
        using var patience = new CancellationTokenSource(Patience);
        using var measured = new Measurements(gateway.Services.GetRequiredService<IMeterFactory>());
        var registry = new RegistryService.RegistryServiceClient(gateway.ChannelFor("mun-madona"));
        var valid = TransferRequests.Valid(source: "vsac-zemgale");
        var invalid = TransferRequests.Valid(source: "vsac-zemgale");
        invalid.Transfer.Person.PersonalCode = "not a code";
        var registration = ClientRequests.Registration();

        await registry.GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/mun-madona" });
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => registry.GetInstitutionAsync(new GetInstitutionRequest { Name = "madona" }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => new RegistryService.RegistryServiceClient(gateway.ChannelWith(null))
            .ListServiceTypesAsync(new ListServiceTypesRequest()).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => new ClientService.ClientServiceClient(
            gateway.ChannelWith(TestPki.Instance.ClientCertificate("mun-cesis"))).LookupClientAsync(new LookupClientRequest { PersonalCode = registration.Person.PersonalCode }).ResponseAsync);
        await TransferClient.SubmitAsync(gateway, "vsac-zemgale", [valid, valid, invalid], patience.Token);
        await gateway.Clients("mun-cesis").RegisterClientAsync(registration);
        await gateway.Clients("mun-cesis").LookupClientAsync(new LookupClientRequest { PersonalCode = registration.Person.PersonalCode });
        long openWhileWatching;
        using (var feed = OpenFeed.Start(OpenFeed.Capacity, gateway.ChannelFor("pr-zemgale"), patience.Token))
        {
            Assert.True(await feed.MoveNext(patience.Token));
            openWhileWatching = measured.Sum("deinst.gateway.feeds.open");
        }

        // The feed's call ends on the gateway once it sees the cancellation.
        while (measured.Sum("deinst.gateway.feeds.open") != 0)
        {
            await Task.Delay(20, patience.Token);
        }

        Assert.Equal(1, measured.Sum("deinst.gateway.calls", ("rpc.method", "GetInstitution"), ("deinst.institution", "mun-madona"), ("rpc.grpc.status_code", 0)));
        Assert.Equal(1, measured.Sum("deinst.gateway.calls", ("rpc.method", "GetInstitution"), ("rpc.grpc.status_code", (int)StatusCode.InvalidArgument)));
        Assert.Equal(2, measured.Count("deinst.gateway.call.duration", ("rpc.method", "GetInstitution"), ("deinst.institution", "mun-madona")));
        Assert.Equal(1, measured.Sum("deinst.gateway.calls.rejected", ("rpc.method", "GetInstitution"), ("reason", "invalid_argument")));
        Assert.Equal(1, measured.Sum("deinst.gateway.calls.rejected", ("rpc.method", "ListServiceTypes"), ("reason", "unauthenticated"), ("deinst.institution", "anonymous")));
        Assert.Equal(1, measured.Sum("deinst.gateway.calls.rejected", ("rpc.method", "LookupClient"), ("reason", "purpose_missing"), ("deinst.institution", "mun-cesis")));
        Assert.Equal(
            [("created", 1L), ("duplicate", 1L), ("rejected", 1L)],
            new[] { "created", "duplicate", "rejected" }.Select(o => (o, measured.Sum("deinst.gateway.stream.messages", ("deinst.stream", "SubmitTransfers"), ("outcome", (object)o)))));
        Assert.Equal(1, openWhileWatching);
        Assert.True(measured.Sum("deinst.gateway.access_log.commit.entries") >= 1);
        Assert.True(measured.Count("deinst.gateway.access_log.commit.duration") >= 1);
        // Nothing is exported unless configured.
        Assert.Null(gateway.Services.GetService<MeterProvider>());
        Assert.Null(gateway.Services.GetService<TracerProvider>());
    }

    /// <summary>Every measurement of the gateway's instruments made by one gateway's meter factory.</summary>
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _seen = new();

        public Measurements(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == GatewayMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.Start();
        }

        public long Sum(string instrument, params (string Key, object Value)[] tags) => (long)Matching(instrument, tags).Sum(m => m.Value);

        public int Count(string instrument, params (string Key, object Value)[] tags) => Matching(instrument, tags).Count();

        public void Dispose() => _listener.Dispose();

        private IEnumerable<(string Instrument, double Value, Dictionary<string, object?> Tags)> Matching(string instrument, (string Key, object Value)[] tags) =>
            _seen.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value)));

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
            _seen.Enqueue((instrument.Name, value, new Dictionary<string, object?>(tags.ToArray())));
    }
}
