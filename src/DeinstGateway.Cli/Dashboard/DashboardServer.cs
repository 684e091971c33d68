using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DeinstGateway.Cli.Output;
using Deinst.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeinstGateway.Cli.Dashboard;

/// <summary>
/// The capacity dashboard: a page on the loopback interface only, for whoever holds the random
/// token printed at start. The page gets counts from this process, which calls the gateway with
/// the coordinator's certificate; the browser never holds the key. No CORS headers are sent, so
/// other websites cannot read the answers; the Host header must name the loopback interface, so a
/// website cannot reach the page by pointing its own name at 127.0.0.1.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly WebApplication _app;
    private readonly CapacityBroadcast _broadcast;

    private DashboardServer(WebApplication app, CapacityBroadcast broadcast, string token)
    {
        _app = app;
        _broadcast = broadcast;
        Token = token;
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        Address = new UriBuilder(address) { Host = "localhost" }.Uri;
    }

    /// <summary>The page's address without the token.</summary>
    public Uri Address { get; }

    public string Token { get; }

    /// <summary>What to open in the browser.</summary>
    public Uri PageAddress => new(Address, "/?token=" + Token);

    public static async Task<DashboardServer> StartAsync(CallInvoker gateway, int port, CancellationToken cancellationToken)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();

        var capacity = new CapacityService.CapacityServiceClient(gateway);
        var labels = await LabelsAsync(new RegistryService.RegistryServiceClient(gateway), cancellationToken);
        var broadcast = new CapacityBroadcast(capacity);

        app.Use((context, next) => Guard(context, next, token));
        app.MapGet("/", () => Asset("index.html", "text/html; charset=utf-8"));
        app.MapGet("/app.js", () => Asset("app.js", "text/javascript; charset=utf-8"));
        app.MapGet("/app.css", () => Asset("app.css", "text/css; charset=utf-8"));
        app.MapGet("/api/capacity", async (string? date, CancellationToken requestAborted) =>
        {
            var request = new QueryCapacityRequest();
            if (!string.IsNullOrEmpty(date))
            {
                if (Names.ParseDate(date) is not { } day)
                {
                    return Results.BadRequest(new { error = "date must be YYYY-MM-DD" });
                }

                request.Date = Names.Date(day);
            }

            try
            {
                var answer = await capacity.QueryCapacityAsync(request, cancellationToken: requestAborted);
                return Results.Json(CapacityPicture.From(answer, labels), Json);
            }
            catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
            {
                return Results.Json(new { error = e.Status.Detail, status = e.StatusCode.ToString() }, Json, statusCode: StatusCodes.Status502BadGateway);
            }
        });
        app.MapGet("/api/events", (HttpContext context) => StreamChangesAsync(context, broadcast));

        await app.StartAsync(cancellationToken);
        broadcast.Start();
        return new DashboardServer(app, broadcast, token);
    }

    public async ValueTask DisposeAsync()
    {
        await _broadcast.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task Guard(HttpContext context, RequestDelegate next, string token)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

        if (context.Request.Host.Host is not ("localhost" or "127.0.0.1"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        // The scripts and styles hold no data; everything else needs the token.
        var isAsset = context.Request.Path == "/app.js" || context.Request.Path == "/app.css";
        var given = context.Request.Query["token"].ToString();
        if (!isAsset && !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given), Encoding.ASCII.GetBytes(token)))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("Open the address deinst printed when it started: it carries the page's token.");
            return;
        }

        await next(context);
    }

    /// <summary>Server-sent events: one <c>capacity</c> event per changed row, as long as the page is open.</summary>
    private static async Task StreamChangesAsync(HttpContext context, CapacityBroadcast broadcast)
    {
        context.Response.ContentType = "text/event-stream";
        await context.Response.WriteAsync(": connected\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            await foreach (var change in broadcast.SubscribeAsync(context.RequestAborted))
            {
                var data = JsonSerializer.Serialize(
                    new
                    {
                        change.Sequence,
                        Provider = Names.Id(change.Row.Provider.Name),
                        Municipality = Names.Id(change.Row.Municipality.Name),
                        ServiceType = Names.Words(change.Row.ServiceType),
                        Counts = Counts.From(change.Row.Counts),
                    },
                    Json);
                await context.Response.WriteAsync($"event: capacity\ndata: {data}\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }

    private static async Task<IReadOnlyList<ServiceLabel>> LabelsAsync(RegistryService.RegistryServiceClient registry, CancellationToken cancellationToken)
    {
        var catalogue = await registry.ListServiceTypesAsync(new ListServiceTypesRequest(), cancellationToken: cancellationToken);
        return catalogue.ServiceTypes.Select(t => new ServiceLabel(Names.Words(t.ServiceType), t.DisplayNameLv, t.DisplayNameEn)).ToList();
    }

    private static IResult Asset(string name, string contentType)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("dashboard/" + name)
            ?? throw new InvalidOperationException($"The dashboard's {name} is not embedded in the tool.");
        return Results.Stream(stream, contentType);
    }
}
