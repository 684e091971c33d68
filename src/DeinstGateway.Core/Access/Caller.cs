using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Access;

/// <summary>
/// The institution making a call, as established from its client certificate. Every rule that
/// decides what a call may read or write starts from this.
/// </summary>
public sealed record Caller(string InstitutionCode, InstitutionKind Kind, string CertificateThumbprint);
