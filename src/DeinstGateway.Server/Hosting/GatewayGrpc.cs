using DeinstGateway.Core.Time;
using DeinstGateway.Persistence.Database;
using DeinstGateway.Persistence.Registry;
using DeinstGateway.Server.Access;
using DeinstGateway.Server.Assessments;
using DeinstGateway.Server.Audit;
using DeinstGateway.Server.Capacity;
using DeinstGateway.Server.Clients;
using DeinstGateway.Server.Errors;
using DeinstGateway.Server.Health;
using DeinstGateway.Server.Limits;
using DeinstGateway.Server.Monitoring;
using DeinstGateway.Server.Registry;
using DeinstGateway.Server.ServiceRecords;
using DeinstGateway.Server.SupportPlans;
using DeinstGateway.Server.Telemetry;
using DeinstGateway.Server.Transfers;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeinstGateway.Server.Hosting;

public static class GatewayGrpc
{
    public static IServiceCollection AddGatewayGrpc(this IServiceCollection services, IConfiguration configuration)
    {
        var gateway = GatewayOptions.From(configuration);
        services.AddSingleton(gateway);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(gateway.ShutdownTimeoutSeconds));
        services.AddGrpc(grpc =>
        {
            // The first added is the outermost: telemetry sees the status the caller sees; access
            // refusals are domain errors too. Limits come before access control, so that a refused
            // call costs the caller's rate budget like any other: refusals must not be a free way
            // to make the gateway work.
            grpc.Interceptors.Add<TelemetryInterceptor>();
            grpc.Interceptors.Add<DomainExceptionInterceptor>();
            grpc.Interceptors.Add<LimitsInterceptor>();
            grpc.Interceptors.Add<AccessControlInterceptor>();
            grpc.MaxReceiveMessageSize = gateway.MaxReceiveMessageBytes;
            grpc.MaxSendMessageSize = gateway.MaxSendMessageBytes;
            grpc.EnableDetailedErrors = false;
        }).AddJsonTranscoding(json => json.TypeRegistry = RpcErrors.DetailTypes);
        services.AddGatewayOpenApi();
        services.AddGrpcReflection();
        services.AddSingleton(HealthOptions.From(configuration));
        services.AddSingleton<DatabaseHealthCheck>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseHealthCheck>());
        services.AddGrpcHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<StoppingHealthCheck>("stopping");

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new GatewayCalendar(
            provider.GetRequiredService<TimeProvider>(), TimeZoneInfo.FindSystemTimeZoneById(gateway.TimeZone)));
        return services;
    }

    /// <summary>
    /// Every gRPC service, its REST/JSON routes and the OpenAPI document need an authenticated
    /// institution (the fallback policy); only the health service answers anonymous probes, and
    /// it reveals nothing but serving or not. Request bodies are checked after authorisation, so
    /// an unknown caller costs no parsing.
    /// </summary>
    public static WebApplication MapGatewayEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<RequestFrameGuard>();
        app.MapGrpcService<RegistryService>();
        app.MapGrpcService<ClientService>();
        app.MapGrpcService<TransferService>();
        app.MapGrpcService<CapacityService>();
        app.MapGrpcService<SupportPlanService>();
        app.MapGrpcService<ServiceRecordService>();
        app.MapGrpcService<AuditService>();
        app.MapGrpcService<NeedsAssessmentService>();
        app.MapGrpcService<MonitoringService>();
        app.MapGrpcReflectionService();
        app.MapGatewayOpenApi();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.ReportWhenStarted();
        return app;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.InitializeAsync(ReferenceData.PathFrom(app.Configuration), app.Lifetime.ApplicationStopping);
    }
}
