namespace DeinstGateway.Server.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Mutual-TLS identity: the CAs and revocation files are read at start, so a missing or
    /// unreadable one fails the start rather than every call.
    /// </summary>
    public static IServiceCollection AddInstitutionIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(IdentityOptions.Section);
        var options = (section.Get<IdentityOptions>() ?? new IdentityOptions()).Validated();
        var authorities = TrustedAuthorities.Load(options);
        services.AddSingleton(new ClientCertificateValidator(authorities));
        services.AddSingleton(new CertificateRevocation(options, authorities));
        services.AddSingleton(_ => new IdentityCache(options));
        services.AddWebEncoders();
        // Registered so that each call's handler comes from a compiled factory, not reflection.
        services.AddTransient<InstitutionAuthenticationHandler>();
        // The core services only: the full AddAuthentication also brings data protection (for
        // cookies), which a certificate-only gateway never uses.
        services.AddAuthenticationCore(authentication =>
        {
            authentication.DefaultScheme = InstitutionAuthenticationHandler.SchemeName;
            authentication.AddScheme<InstitutionAuthenticationHandler>(InstitutionAuthenticationHandler.SchemeName, null);
        });
        services.AddAuthorization(InstitutionPolicies.Add);
        return services;
    }
}
