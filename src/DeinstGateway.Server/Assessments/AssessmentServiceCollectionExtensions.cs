using DeinstGateway.Core.Assessments;

namespace DeinstGateway.Server.Assessments;

public static class AssessmentServiceCollectionExtensions
{
    public static IServiceCollection AddNeedsAssessments(this IServiceCollection services) => services.AddScoped<NeedsAssessments>();
}
