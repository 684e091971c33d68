using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.Access;

/// <summary>
/// Whether a caller may still be served: its institution is in the registry and exists today, and
/// (for a call that lasts) its certificate has not expired meanwhile. Checked when a call is
/// authenticated, and again before every page or heartbeat a feed sends.
/// </summary>
public static class CallerStanding
{
    public const string CertificateExpired = "CERTIFICATE_EXPIRED";
    public const string InstitutionEnded = "INSTITUTION_ENDED";

    /// <summary>Why the institution a certificate names may not call today, or null when it may.</summary>
    public static string? InstitutionFailure(Institution? institution, DateOnly today) =>
        institution is null ? "the client certificate names no institution known to the registry"
        : !institution.IsValidOn(today) ? "the institution named by the client certificate no longer exists"
        : null;

    /// <summary>
    /// Throws <see cref="UnauthenticatedException"/> when the caller's certificate has expired or its
    /// institution has ended (or changed kind, and with it what it may see) since the call began.
    /// </summary>
    public static void EnsureStillStands(Caller caller, RegistrySnapshot snapshot, GatewayCalendar calendar)
    {
        if (calendar.Now > caller.CertificateNotAfter)
        {
            throw new UnauthenticatedException(
                CertificateExpired, "The client certificate has expired; open the feed again with a valid certificate.");
        }

        var institution = snapshot.Find(caller.InstitutionCode);
        if (InstitutionFailure(institution, calendar.Today) is { } failure)
        {
            throw new UnauthenticatedException(InstitutionEnded, $"The feed was ended: {failure}.");
        }

        if (institution!.Kind != caller.Kind)
        {
            throw new UnauthenticatedException(
                InstitutionEnded, "The feed was ended: the registry no longer lists the institution as the kind it called as.");
        }
    }
}
