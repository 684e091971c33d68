using DeinstGateway.Core.ServiceRecords;

namespace DeinstGateway.Server.ServiceRecords;

public static class ServiceRecordServiceCollectionExtensions
{
    public static IServiceCollection AddServiceRecords(this IServiceCollection services, IConfiguration configuration) => services
        .AddSingleton((configuration.GetSection(ServiceRecordOptions.Section).Get<ServiceRecordOptions>() ?? new ServiceRecordOptions()).Validated())
        .AddScoped<ServiceRecording>()
        .AddScoped<RecordingPipeline>()
        .AddScoped<ServiceRecordQueries>()
        .AddScoped<ServiceRecordWithdrawals>()
        .AddScoped<FundingReports>();
}
