using DeinstGateway.Core.Assessments;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Capacity;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Feeds;
using DeinstGateway.Core.Monitoring;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;
using DeinstGateway.Core.SupportPlans;
using DeinstGateway.Core.Time;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Persistence.Assessments;
using DeinstGateway.Persistence.Audit;
using DeinstGateway.Persistence.Capacity;
using DeinstGateway.Persistence.Clients;
using DeinstGateway.Persistence.Database;
using DeinstGateway.Persistence.Monitoring;
using DeinstGateway.Persistence.Registry;
using DeinstGateway.Persistence.ServiceRecords;
using DeinstGateway.Persistence.SupportPlans;
using DeinstGateway.Persistence.Transfers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeinstGateway.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database chosen by <c>Database:Provider</c> and the stores behind Core's
    /// interfaces. An unknown provider fails here, at start, not at the first call.
    /// </summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.SqlServerConnectionString ??= configuration.GetConnectionString("SqlServer");
        DatabaseProviders.Register(services, options);
        services.AddSingleton(options);
        // Per call's scope: the contexts the access log's writer and background work create in
        // scopes of their own carry no call's deadline.
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CallDeadline>();

        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<ReferenceDataLoader>();
        services.AddScoped<IRegistryStore, RegistryStore>();
        services.AddSingleton<RegistrySnapshotSource>();
        services.AddSingleton<IRegistrySnapshotSource>(provider => provider.GetRequiredService<RegistrySnapshotSource>());
        services.AddScoped<ITransferStore, TransferStore>();
        services.AddScoped<IClientKeyStore, ClientKeyStore>();
        services.AddScoped<IClientStore, ClientStore>();
        services.AddSingleton<FeedCommitSignal>();
        services.AddSingleton<IFeedCommits>(provider => provider.GetRequiredService<FeedCommitSignal>());
        services.AddSingleton<AccessLogAppender>();
        services.AddSingleton<IAccessLog, AccessLog>();
        services.AddSingleton<CapacityTable>();
        services.AddScoped<ICapacityStore, CapacityStore>();
        services.AddScoped<ISupportPlanStore, SupportPlanStore>();
        services.AddScoped<IServiceRecordStore, ServiceRecordStore>();
        services.AddScoped<IOccupancyStore, OccupancyStore>();
        services.AddScoped<INeedsAssessmentStore, NeedsAssessmentStore>();
        services.AddScoped<IMonitoringStore, MonitoringStore>();
        // Read here, so that a wrong targets file stops the gateway at start, not at the first monitoring call.
        services.AddSingleton<IPlanTargetSource>(new PlanTargetsFile(configuration));
        return services;
    }
}
