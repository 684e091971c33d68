namespace DeinstGateway.Core.Clients;

public enum RelationKind
{
    /// <summary>The municipality answers for the client: it accepted a transfer or registered the client.</summary>
    Responsible = 1,

    /// <summary>The provider serves the client: a completed transfer or a support plan names it.</summary>
    Provider = 2,
}

/// <summary>
/// A dated relation between a client and an institution. Half-open like every validity of the
/// gateway: in force from <see cref="From"/> (inclusive) until <see cref="To"/> (exclusive), so a
/// relation ended on the day it started was never in force. The scope queries of the persistence
/// layer translate <see cref="IsActiveOn"/> (ClientScopeQuery); a storage test keeps the two equal.
/// </summary>
public sealed record ClientRelation(string ClientId, RelationKind Kind, string InstitutionCode, DateOnly From, DateOnly? To)
{
    public bool IsActiveOn(DateOnly day) => From <= day && (To is null || day < To);

    /// <summary>In force on at least one day of [<paramref name="first"/>, <paramref name="last"/>].</summary>
    public bool Overlaps(DateOnly first, DateOnly last) => From <= last && (To is null || first < To);
}

/// <summary>A relation to start, with what it comes from, so that undoing that source ends it.</summary>
public sealed record StartedRelation(ClientRelation Relation, string? TransferId);

/// <summary>
/// Ends the open relations of one kind of a client on <see cref="On"/>: all of them, all but the
/// one of <see cref="KeepInstitutionCode"/>, only the one <see cref="TransferId"/> started, or only
/// those started by transfers (<see cref="StartedByTransfers"/>).
/// </summary>
public sealed record EndedRelations(
    string ClientId, RelationKind Kind, DateOnly On, string? KeepInstitutionCode = null, string? TransferId = null, bool StartedByTransfers = false);

public sealed record RelationChanges(IReadOnlyList<EndedRelations> Ended, IReadOnlyList<StartedRelation> Started)
{
    public static readonly RelationChanges None = new([], []);
}
