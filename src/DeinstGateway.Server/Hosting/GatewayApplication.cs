using DeinstGateway.Persistence;
using DeinstGateway.Server.Assessments;
using DeinstGateway.Server.Audit;
using DeinstGateway.Server.Capacity;
using DeinstGateway.Server.Clients;
using DeinstGateway.Server.Feeds;
using DeinstGateway.Server.Identity;
using DeinstGateway.Server.Limits;
using DeinstGateway.Server.Monitoring;
using DeinstGateway.Server.Registry;
using DeinstGateway.Server.ServiceRecords;
using DeinstGateway.Server.SupportPlans;
using DeinstGateway.Server.Telemetry;
using DeinstGateway.Server.Transfers;

namespace DeinstGateway.Server.Hosting;

/// <summary>
/// The gateway's composition, shared by <c>Program</c> and the integration tests, which start the
/// very same host on a loopback port with their own configuration passed as arguments.
/// </summary>
public static class GatewayApplication
{
    public static async Task<WebApplication> BuildAsync(string[] args)
    {
        var builder = CreateBuilder(args);
        builder.RefuseUnsafeProductionSettings();
        builder.AddDevelopmentCertificates();
        builder.AddGatewayKestrel();
        builder.Services.AddPersistence(builder.Configuration);
        builder.Services.AddInstitutionIdentity(builder.Configuration);
        builder.Services.AddGatewayGrpc(builder.Configuration);
        builder.Services.AddGatewayTelemetry(builder.Configuration);
        builder.Services.AddGatewayLimits(builder.Configuration);
        builder.Services.AddFeeds(builder.Configuration);
        builder.Services.AddPersonalDataProtection(builder.Configuration);
        builder.Services.AddAccessLogChain(builder.Configuration);
        builder.Services.AddRegistry(builder.Configuration);
        builder.Services.AddClients();
        builder.Services.AddTransfers(builder.Configuration);
        builder.Services.AddCapacity();
        builder.Services.AddSupportPlans();
        builder.Services.AddServiceRecords(builder.Configuration);
        builder.Services.AddAudit();
        builder.Services.AddNeedsAssessments();
        builder.Services.AddMonitoring();

        var app = builder.Build();
        await app.InitializeDatabaseAsync();
        app.MapGatewayEndpoints();
        return app;
    }

    /// <summary>
    /// A builder whose content root, unless set (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>,
    /// <c>DOTNET_CONTENTROOT</c>), is the folder of the binaries: the <c>appsettings*.json</c>
    /// beside them apply from whatever working directory the gateway or its commands start.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var set = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build()[WebHostDefaults.ContentRootKey];
        return WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = string.IsNullOrEmpty(set) ? AppContext.BaseDirectory : null,
        });
    }
}
