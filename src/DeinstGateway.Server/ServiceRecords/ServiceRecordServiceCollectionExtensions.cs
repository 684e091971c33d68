using DeinstGateway.Core.ServiceRecords;

namespace DeinstGateway.Server.ServiceRecords;

public static class ServiceRecordServiceCollectionExtensions
{
    public static IServiceCollection AddServiceRecords(this IServiceCollection services) => services
        .AddScoped<ServiceRecording>()
        .AddScoped<RecordingPipeline>()
        .AddScoped<ServiceRecordQueries>()
        .AddScoped<FundingReports>();
}
