using Microsoft.AspNetCore.Authorization;

namespace DeinstGateway.Server.Identity;

/// <summary>
/// Authentication is required everywhere except where an endpoint says otherwise (health).
/// What each kind of institution may call is the access matrix's, enforced per call by
/// <see cref="Access.AccessControlInterceptor"/>.
/// </summary>
public static class InstitutionPolicies
{
    internal static void Add(AuthorizationOptions options)
    {
        // Deny by default: an endpoint that names no policy still needs an institution. The policy
        // names no scheme: the one scheme is the default, already run by the authentication
        // middleware, so authorisation takes its user instead of authenticating a second time.
        options.FallbackPolicy = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .Build();
        options.DefaultPolicy = options.FallbackPolicy;
    }
}
