using System.Net;
using System.Net.Sockets;
using System.Text;
using DeinstGateway.Server.Tests.Clients;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Telemetry;

/// <summary>What an operator receives once telemetry is configured: OTLP by the standard variables, a Prometheus scrape port.</summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Otlp_CallsCarryingPersonalData_ExportSpansAndMetricsWithNoneOfIt()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        var gateway = await GatewayProcess.StartAsync(null,
            $"OTEL_EXPORTER_OTLP_ENDPOINT={collector.Address.ToString().TrimEnd('/')}", "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf");
        var registration = ClientRequests.Registration();
        registration.Person.GivenName = "Zelma" + Letters();
        registration.Person.FamilyName = "Ozola" + Letters();
        var submission = TransferRequests.Valid(source: "vsac-zemgale");
        submission.Transfer.Person.FamilyName = "Kalniņa" + Letters();
        string[] personal;
        try
        {
            var client = await gateway.Clients("mun-cesis").RegisterClientAsync(registration);
            await gateway.Clients("mun-cesis").LookupClientAsync(new LookupClientRequest { PersonalCode = registration.Person.PersonalCode });
            await gateway.Clients("mun-cesis").GetClientAsync(new GetClientRequest { Name = client.Name });
            // Refused for its purpose: the request still carries the client's id.
            await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => new ClientService.ClientServiceClient(
                gateway.ChannelWith(TestPki.Instance.ClientCertificate("mun-valmiera"))).GetClientAsync(new GetClientRequest { Name = client.Name }).ResponseAsync);
            var transfer = await TransferClient.CreateAsync(gateway, "vsac-zemgale", submission);
            await gateway.Transfers("vsac-zemgale").GetTransferAsync(new GetTransferRequest { Name = transfer.Name });
            personal =
            [
                registration.Person.PersonalCode, registration.Person.PersonalCode.Replace("-", string.Empty, StringComparison.Ordinal),
                registration.Person.GivenName, registration.Person.FamilyName, registration.RequestId, client.Name["clients/".Length..],
                submission.Transfer.Person.PersonalCode, submission.Transfer.Person.FamilyName, submission.RequestId,
                submission.Transfer.CaseNumber, transfer.Name["transfers/".Length..], transfer.Client["clients/".Length..],
            ];
        }
        finally
        {
            // Stopping flushes every span and metric still held.
            await gateway.DisposeAsync();
        }

        var traces = collector.Exports("traces");
        var metrics = collector.Exports("metrics");

        Assert.Contains(traces, body => Holds(body, "deinst.v1.ClientService/LookupClient"));
        Assert.Contains(traces, body => Holds(body, "deinst.v1.TransferService/SubmitTransfers"));
        Assert.Contains(metrics, body => Holds(body, "deinst.gateway.calls"));
        foreach (var value in personal)
        {
            Assert.DoesNotContain(traces.Concat(metrics), body => Holds(body, value));
        }
    }

    [Fact]
    public async Task Prometheus_PortConfigured_ServesTheMeterThereAndNotOnTheGatewayPort()
    {
        var port = FreeLoopbackPort();
        await using var gateway = await GatewayProcess.StartAsync(null, $"Telemetry:PrometheusPort={port}", "Telemetry:PrometheusHost=127.0.0.1");
        await new RegistryService.RegistryServiceClient(gateway.ChannelFor("mun-madona"))
            .GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/mun-madona" });
        using var operatorClient = new HttpClient();
        using var anonymous = new HttpClient(GatewayProcess.HandlerWith(null));
        using var institution = new HttpClient(GatewayProcess.HandlerWith(TestPki.Instance.ClientCertificate("lm")));

        var scraped = await operatorClient.GetStringAsync($"http://127.0.0.1:{port}/metrics");
        var withoutCertificate = await GetOverHttp2Async(anonymous, new Uri(gateway.Address, "/metrics"));
        var withCertificate = await GetOverHttp2Async(institution, new Uri(gateway.Address, "/metrics"));

        var line = Assert.Single(scraped.Split('\n'), l =>
            l.StartsWith("deinst_gateway_calls_total{", StringComparison.Ordinal)
            && l.Contains("deinst_institution=\"mun-madona\"", StringComparison.Ordinal)
            && l.Contains("rpc_method=\"GetInstitution\"", StringComparison.Ordinal)
            && l.Contains("rpc_grpc_status_code=\"0\"", StringComparison.Ordinal));
        Assert.DoesNotContain("deinst_gateway", withoutCertificate, StringComparison.Ordinal);
        Assert.DoesNotContain("deinst_gateway", withCertificate, StringComparison.Ordinal);
        Assert.NotEqual("0", line[(line.LastIndexOf(' ') + 1)..].Trim());
    }

    private static async Task<string> GetOverHttp2Async(HttpClient client, Uri address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await client.SendAsync(request);
        return response.StatusCode + " " + await response.Content.ReadAsStringAsync();
    }

    private static bool Holds(byte[] body, string value) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0;

    private static string Letters() => string.Concat(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6).Select(char.ToLowerInvariant));

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
