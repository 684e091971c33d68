using DeinstGateway.Core.SupportPlans;

namespace DeinstGateway.Server.SupportPlans;

public static class SupportPlanServiceCollectionExtensions
{
    public static IServiceCollection AddSupportPlans(this IServiceCollection services) => services.AddScoped<SupportPlanBook>();
}
