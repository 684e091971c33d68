using DeinstGateway.Core.Access;
using DeinstGateway.Core.Registry;
using Grpc.Core;

namespace DeinstGateway.Server.Identity;

public static class CallerClaims
{
    public const string InstitutionCode = "deinst:institution";
    public const string InstitutionKind = "deinst:institution_kind";
    public const string CertificateThumbprint = "deinst:certificate_thumbprint";

    /// <summary>The institution making this call; every method runs behind authentication.</summary>
    public static Caller GetCaller(this ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        var code = user.FindFirst(InstitutionCode)?.Value;
        var kind = user.FindFirst(InstitutionKind)?.Value;
        var thumbprint = user.FindFirst(CertificateThumbprint)?.Value;
        if (code is null || kind is null || thumbprint is null)
        {
            throw new InvalidOperationException("The call reached a method without an authenticated institution.");
        }

        return new Caller(code, Enum.Parse<InstitutionKind>(kind), thumbprint);
    }
}
