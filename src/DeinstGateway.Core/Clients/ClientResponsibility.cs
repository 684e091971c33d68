namespace DeinstGateway.Core.Clients;

/// <summary>
/// How the handover of a person moves its relations. A municipality becomes responsible when it
/// accepts a transfer (a submission alone gives it nothing) and stays so until the client's next
/// transfer to another municipality is completed; cancelling an accepted transfer ends what its
/// acceptance started. Completing a transfer also makes its provider the one serving the client.
/// </summary>
public static class ClientResponsibility
{
    public static RelationChanges OnAccepted(string clientId, string transferId, string municipalityCode, DateOnly today) =>
        new([], [new StartedRelation(new ClientRelation(clientId, RelationKind.Responsible, municipalityCode, today, null), transferId)]);

    public static RelationChanges OnCompleted(string clientId, string transferId, string municipalityCode, string? providerCode, DateOnly today) =>
        new(
            [
                new EndedRelations(clientId, RelationKind.Responsible, today, KeepInstitutionCode: municipalityCode),
                new EndedRelations(clientId, RelationKind.Provider, today, StartedByTransfers: true),
            ],
            providerCode is null
                ? []
                : [new StartedRelation(new ClientRelation(clientId, RelationKind.Provider, providerCode, today, null), transferId)]);

    public static RelationChanges OnCancelledAfterAcceptance(string clientId, string transferId, DateOnly today) =>
        new([new EndedRelations(clientId, RelationKind.Responsible, today, TransferId: transferId)], []);

    /// <summary>A municipality registers a person living in the community: responsible from the date it gives.</summary>
    public static ClientRelation OnRegistered(string clientId, string municipalityCode, DateOnly from) =>
        new(clientId, RelationKind.Responsible, municipalityCode, from, null);
}
