using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Access;

/// <summary>
/// The institution making a call, as established from its client certificate, and what it said
/// the call is for. Every rule that decides what a call may read or write starts from this, and
/// every access-log entry records it. <see cref="CertificateNotAfter"/> is when the certificate
/// stops being valid: a feed opened with it ends then.
/// </summary>
public sealed record Caller(string InstitutionCode, InstitutionKind Kind, string CertificateThumbprint, DateTimeOffset CertificateNotAfter)
{
    /// <summary>The gRPC method path of the call (<see cref="Rpcs"/>).</summary>
    public string Method { get; init; } = string.Empty;

    /// <summary>The declared purpose (<see cref="Purposes"/>); empty for calls that carry no personal data.</summary>
    public string Purpose { get; init; } = string.Empty;
}
