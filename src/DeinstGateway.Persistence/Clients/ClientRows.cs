using DeinstGateway.Core.Clients;

namespace DeinstGateway.Persistence.Clients;

/// <summary>
/// One person. The personal code is never stored in plain text: keyed HMACs find the client
/// again, and the code with the names is kept only AES-GCM encrypted.
/// </summary>
public sealed class ClientRow
{
    public required string Id { get; set; }

    /// <summary>
    /// The 32-byte HMAC of the personal code, stored as bytes: the unique index on it takes a
    /// random place per new person, and half-size entries mean fewer index pages rewritten per commit.
    /// </summary>
    public required byte[] PersonalCodeHash { get; set; }

    public byte[]? FormerPersonalCodeHash { get; set; }

    public required byte[] ProtectedIdentity { get; set; }

    public DateOnly BirthDate { get; set; }

    public TargetGroup TargetGroup { get; set; }

    public DateTime CreateTime { get; set; }

    public DateTime UpdateTime { get; set; }
}

/// <summary>A dated relation of a client (<see cref="ClientRelation"/>), with what started it.</summary>
public sealed class ClientRelationRow
{
    public long Id { get; set; }

    public required string ClientId { get; set; }

    public RelationKind Kind { get; set; }

    public required string InstitutionCode { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    /// <summary>The transfer whose acceptance or completion started it, if one did.</summary>
    public string? TransferId { get; set; }

    /// <summary>The support plan (of the same client) that names the provider, if one does.</summary>
    public string? SupportPlanId { get; set; }
}

/// <summary>A municipality's registration request: one client per request id and municipality.</summary>
public sealed class ClientRegistrationRow
{
    public required string MunicipalityCode { get; set; }

    public required byte[] RequestId { get; set; }

    public required byte[] ContentHash { get; set; }

    public required string ClientId { get; set; }

    public DateTime CreateTime { get; set; }
}
