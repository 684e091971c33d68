using DeinstGateway.Core.Registry;
using Microsoft.AspNetCore.Authorization;

namespace DeinstGateway.Server.Identity;

/// <summary>
/// Authorization policies by institution kind, for methods that only some kinds may call.
/// Finer rules (own records, own region) are domain rules in Core.
/// </summary>
public static class InstitutionPolicies
{
    public const string Ministry = nameof(Ministry);
    public const string PlanningRegion = nameof(PlanningRegion);
    public const string Municipality = nameof(Municipality);
    public const string CareInstitution = nameof(CareInstitution);
    public const string ServiceProvider = nameof(ServiceProvider);
    public const string Agency = nameof(Agency);

    internal static void Add(AuthorizationOptions options)
    {
        // Deny by default: an endpoint that names no policy still needs an institution.
        options.FallbackPolicy = new AuthorizationPolicyBuilder(InstitutionAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .Build();
        options.DefaultPolicy = options.FallbackPolicy;

        AddKinds(options, Ministry, InstitutionKind.Ministry);
        AddKinds(options, PlanningRegion, InstitutionKind.PlanningRegion);
        AddKinds(options, Municipality, InstitutionKind.Municipality);
        AddKinds(options, CareInstitution,
            InstitutionKind.StateCareCentre, InstitutionKind.CareCentreBranch, InstitutionKind.ChildCareInstitution);
        AddKinds(options, ServiceProvider, InstitutionKind.ServiceProvider);
        AddKinds(options, Agency, InstitutionKind.Agency);
    }

    private static void AddKinds(AuthorizationOptions options, string name, params InstitutionKind[] kinds) =>
        options.AddPolicy(name, policy => policy
            .AddAuthenticationSchemes(InstitutionAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(CallerClaims.InstitutionKind, kinds.Select(k => k.ToString())));
}
