using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using System.Text.Encodings.Web;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;
using DeinstGateway.Server.Errors;
using DeinstGateway.Server.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DeinstGateway.Server.Identity;

/// <summary>
/// Turns the TLS client certificate into an institution: the certificate must not be revoked,
/// must chain to the trusted CA, be within its validity, and name (in its one common name) an
/// institution that the registry holds and that exists today. Anything else is UNAUTHENTICATED,
/// with the reason.
/// </summary>
public sealed class InstitutionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ClientCertificateValidator validator,
    CertificateRevocation revocation,
    IRegistrySnapshotSource registry,
    GatewayCalendar calendar,
    IdentityCache cache,
    GatewayMetrics metrics)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "InstitutionCertificate";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var certificate = Context.Connection.ClientCertificate
            ?? await Context.Connection.GetClientCertificateAsync(Context.RequestAborted);
        if (certificate is null)
        {
            return AuthenticateResult.Fail("no client certificate was presented");
        }

        // Chain building costs far more than the call itself; a short cache per certificate keeps
        // it off the hot path until the revocation files change.
        var revoked = revocation.Current(Logger);
        var identification = cache.Find(certificate, revoked);
        if (identification is null)
        {
            identification = await IdentifyAsync(certificate, revoked);
            cache.Keep(certificate, identification);
            if (identification.Principal is null)
            {
                IdentityLog.CertificateRejected(Logger, identification.Failure!, certificate.Thumbprint);
            }
        }

        return identification.Principal is null
            ? AuthenticateResult.Fail(identification.Failure!)
            : AuthenticateResult.Success(new AuthenticationTicket(identification.Principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        metrics.Rejected(Context, "unauthenticated");
        await RefuseAsync(Grpc.Core.StatusCode.Unauthenticated, "UNAUTHENTICATED: " + (result.Failure?.Message ?? "a client certificate is required"));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        metrics.Rejected(Context, "permission_denied");
        return RefuseAsync(Grpc.Core.StatusCode.PermissionDenied, "PERMISSION_DENIED: this kind of institution may not call this method");
    }

    /// <summary>In the caller's protocol: a gRPC status, or for REST/JSON (and the OpenAPI document) a JSON google.rpc status.</summary>
    private Task RefuseAsync(Grpc.Core.StatusCode code, string message)
    {
        if (!JsonStatus.IsGrpc(Request))
        {
            return JsonStatus.WriteAsync(Response, new Google.Rpc.Status { Code = (int)code, Message = message });
        }

        GrpcTrailers.WriteStatusOnly(Response, code, message);
        return Task.CompletedTask;
    }

    private async Task<Identification> IdentifyAsync(X509Certificate2 certificate, RevokedCertificates revoked)
    {
        if (revoked.Contains(certificate))
        {
            return Rejected("the client certificate is revoked");
        }

        var check = validator.Check(certificate.RawDataMemory.Span, calendar.Now);
        if (!check.Succeeded)
        {
            return Rejected(check.Failure!);
        }

        var institution = InstitutionCode.IsWellFormed(check.InstitutionCode)
            ? (await registry.GetAsync(Context.RequestAborted)).Find(check.InstitutionCode!)
            : null;
        if (CallerStanding.InstitutionFailure(institution, calendar.Today) is { } failure)
        {
            return Rejected(failure);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(CallerClaims.InstitutionCode, institution!.Code),
                new Claim(CallerClaims.InstitutionKind, institution.Kind.ToString()),
                new Claim(CallerClaims.CertificateThumbprint, check.Thumbprint!),
                new Claim(CallerClaims.CertificateNotAfter, new DateTimeOffset(certificate.NotAfter).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
            ],
            SchemeName,
            CallerClaims.InstitutionCode,
            roleType: null);
        return new Identification(new ClaimsPrincipal(identity), null, revoked);

        Identification Rejected(string failure) => new(null, failure, revoked);
    }
}
