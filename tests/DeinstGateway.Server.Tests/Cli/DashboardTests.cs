using System.Diagnostics;
using System.Net;
using System.Text.Json;
using DeinstGateway.Cli.Dashboard;
using DeinstGateway.Client;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Xunit.Abstractions;

namespace DeinstGateway.Server.Tests.Cli;

/// <summary>The capacity dashboard's local endpoints, served for a planning region's coordinator over the real gateway.</summary>
public sealed class DashboardTests(DashboardTests.Fixture fixture, ITestOutputHelper output) : IClassFixture<DashboardTests.Fixture>
{
    private const string Region = "pr-zemgale";
    private const string WorkshopProvider = "prov-demo-jelgava-workshop";

    /// <summary>The region's row of totals as the page shows it: total, reserved, occupied, free.</summary>
    private const string ShownTotals = "[...document.querySelectorAll('#grand-total td')].map(c => c.textContent).join(' ')";
    private readonly GatewayProcess _gateway = fixture.Gateway;
    private readonly DashboardServer _dashboard = fixture.Dashboard;
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task Capacity_WithToken_ShowsTheRegionsCountsAsQueryCapacityGivesThem()
    {
        var expected = await new CapacityService.CapacityServiceClient(_gateway.ChannelFor(Region)).QueryCapacityAsync(new QueryCapacityRequest());

        using var picture = JsonDocument.Parse(await _http.GetStringAsync(new Uri(_dashboard.Address, "/api/capacity?token=" + _dashboard.Token)));

        var root = picture.RootElement;
        Assert.Equal(
            (expected.Total.Total, expected.Total.Reserved, expected.Total.Occupied, expected.Total.Free),
            Counts(root.GetProperty("total")));
        Assert.Equal(["mun-jelgava"], root.GetProperty("municipalities").EnumerateArray().Select(m => m.GetProperty("code").GetString()));
        var workshop = expected.Rows.Single(r => r.ServiceType == ServiceType.SpecialisedWorkshop);
        var perService = root.GetProperty("perService").EnumerateArray().Single(s => s.GetProperty("serviceType").GetString() == "specialised-workshop");
        Assert.Equal((workshop.Counts.Total, workshop.Counts.Reserved, workshop.Counts.Occupied, workshop.Counts.Free), Counts(perService.GetProperty("counts")));
        Assert.Contains(root.GetProperty("serviceTypes").EnumerateArray(), s => s.GetProperty("type").GetString() == "specialised-workshop" && s.GetProperty("lv").GetString()!.Length > 0);
    }

    [Theory]
    [InlineData("/api/capacity")]
    [InlineData("/api/capacity?token=wrong")]
    [InlineData("/api/events")]
    [InlineData("/")]
    public async Task Endpoints_WithoutTheToken_Forbidden(string path)
    {
        using var response = await _http.GetAsync(new Uri(_dashboard.Address, path));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Page_HostNotLoopback_Forbidden()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_dashboard.Address, "/?token=" + _dashboard.Token));
        request.Headers.Host = "attacker.example";

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Page_WithToken_ServesTheEmbeddedPageAndScript()
    {
        var page = await _http.GetStringAsync(_dashboard.PageAddress);
        var script = await _http.GetStringAsync(new Uri(_dashboard.Address, "/app.js"));

        Assert.Contains("<script src=\"app.js\"", page, StringComparison.Ordinal);
        Assert.Contains("EventSource", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_CapacityDeclared_PagesReceiveTheChangedRow()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var events = await _http.GetStreamAsync(new Uri(_dashboard.Address, "/api/events?token=" + _dashboard.Token), timeout.Token);
        using var reader = new StreamReader(events);
        Assert.Equal(": connected", await reader.ReadLineAsync(timeout.Token));

        await new CapacityService.CapacityServiceClient(_gateway.ChannelFor("mun-jelgava")).SetCapacityAsync(new SetCapacityRequest
        {
            Provider = "institutions/" + WorkshopProvider,
            ServiceType = ServiceType.SpecialisedWorkshop,
            Places = 41,
            EffectiveFrom = TransferRequests.Date(TestCalendar.Today),
        });

        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var change = JsonDocument.Parse(line["data: ".Length..]).RootElement;
                if (change.GetProperty("provider").GetString() == WorkshopProvider && change.GetProperty("counts").GetProperty("total").GetInt32() == 41)
                {
                    return;
                }
            }
        }

        Assert.Fail("The event stream ended without the declared change.");
    }

    [Fact]
    public async Task Page_InHeadlessChromium_ShowsQueryCapacitysTotalsAndADeclaredChangeWithinTwoSeconds()
    {
        var capacity = new CapacityService.CapacityServiceClient(_gateway.ChannelFor(Region));
        var before = await capacity.QueryCapacityAsync(new QueryCapacityRequest());
        await using var browser = await HeadlessChromium.StartAsync();

        // The page is polled from its first byte on: the body may not be parsed yet.
        await browser.NavigateAsync(_dashboard.PageAddress);
        await WaitUntilAsync(browser, "document.body?.dataset.loaded !== undefined && document.body?.dataset.live === 'true'", TimeSpan.FromSeconds(30));

        Assert.Equal(Shown(before.Total), (await browser.EvaluateAsync(ShownTotals)).GetString());

        var workshop = before.Rows.Single(r => r.Provider.Name == "institutions/" + WorkshopProvider && r.ServiceType == ServiceType.SpecialisedWorkshop);
        await new CapacityService.CapacityServiceClient(_gateway.ChannelFor("mun-jelgava")).SetCapacityAsync(new SetCapacityRequest
        {
            Provider = "institutions/" + WorkshopProvider,
            ServiceType = ServiceType.SpecialisedWorkshop,
            Places = workshop.Counts.Total + 5,
            EffectiveFrom = TransferRequests.Date(TestCalendar.Today),
        });
        var declared = Stopwatch.StartNew();
        var after = Shown((await capacity.QueryCapacityAsync(new QueryCapacityRequest())).Total);
        Assert.NotEqual(Shown(before.Total), after);

        var updated = await WaitUntilAsync(browser, $"{ShownTotals} === '{after}'", TimeSpan.FromSeconds(10));
        var shownAfter = declared.Elapsed;
        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard.png");
        await browser.SaveScreenshotAsync(screenshot);
        output.WriteLine(updated
            ? $"The page showed {after} {shownAfter.TotalMilliseconds:F0} ms after SetCapacity returned; screenshot: {screenshot}"
            : $"The page did not show {after}; screenshot: {screenshot}");

        Assert.True(updated, $"The page still showed {(await browser.EvaluateAsync(ShownTotals)).GetString()} 10 s after SetCapacity, not {after}.");
        Assert.True(shownAfter < TimeSpan.FromSeconds(2), $"The page showed the change {shownAfter.TotalMilliseconds:F0} ms after SetCapacity returned, not within 2 s.");
    }

    private static string Shown(PlaceCounts counts) => $"{counts.Total} {counts.Reserved} {counts.Occupied} {counts.Free}";

    /// <summary>Polls the page every 100 ms until the expression is true; false when time runs out.</summary>
    private static async Task<bool> WaitUntilAsync(HeadlessChromium browser, string condition, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if ((await browser.EvaluateAsync(condition)).ValueKind == JsonValueKind.True)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static (int, int, int, int) Counts(JsonElement counts) =>
        (counts.GetProperty("total").GetInt32(), counts.GetProperty("reserved").GetInt32(), counts.GetProperty("occupied").GetInt32(), counts.GetProperty("free").GetInt32());

    /// <summary>One gateway of its own (a test declares places) and one dashboard for the coordinator.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private Grpc.Net.Client.GrpcChannel? _coordinator;

        public GatewayProcess Gateway { get; private set; } = null!;

        public DashboardServer Dashboard { get; private set; } = null!;

        public HttpClient Http { get; } = new();

        public async Task InitializeAsync()
        {
            Gateway = await GatewayProcess.StartAsync();
            var pki = TestPki.Instance;
            _coordinator = GatewayChannel.Create(new GatewayConnection
            {
                Address = Gateway.Address,
                CertificatePath = pki.ClientCertificatePath(Region),
                KeyPath = pki.ClientKeyPath(Region),
                CaPath = pki.CaCertificatePath,
            });
            Dashboard = await DashboardServer.StartAsync(_coordinator.CreateCallInvoker(), port: 0, CancellationToken.None);
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            await Dashboard.DisposeAsync();
            _coordinator?.Dispose();
            await Gateway.DisposeAsync();
        }
    }
}
