using System.Globalization;
using DeinstGateway.Core.Access;
using Grpc.Core;

namespace DeinstGateway.Server.Identity;

public static class CallerClaims
{
    public const string InstitutionCode = "deinst:institution";
    public const string InstitutionKind = "deinst:institution_kind";
    public const string CertificateThumbprint = "deinst:certificate_thumbprint";
    public const string CertificateNotAfter = "deinst:certificate_not_after";

    private const string AuthorizedCallerKey = "deinst:caller";

    /// <summary>The institution making this call, as the access control let it through with its purpose.</summary>
    public static Caller GetCaller(this ServerCallContext context) =>
        context.GetHttpContext().Items[AuthorizedCallerKey] as Caller
        ?? throw new InvalidOperationException("The call reached a method without passing access control.");

    /// <summary>The institution the certificate established; every gateway method runs behind authentication.</summary>
    internal static Caller Institution(ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        var code = user.FindFirst(InstitutionCode)?.Value;
        var kind = user.FindFirst(InstitutionKind)?.Value;
        var thumbprint = user.FindFirst(CertificateThumbprint)?.Value;
        var notAfter = user.FindFirst(CertificateNotAfter)?.Value;
        if (code is null || kind is null || thumbprint is null || notAfter is null)
        {
            throw new InvalidOperationException("The call reached a method without an authenticated institution.");
        }

        return new Caller(
            code,
            Enum.Parse<Core.Registry.InstitutionKind>(kind),
            thumbprint,
            DateTimeOffset.Parse(notAfter, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }

    internal static void SetCaller(ServerCallContext context, Caller caller) =>
        context.GetHttpContext().Items[AuthorizedCallerKey] = caller;
}
