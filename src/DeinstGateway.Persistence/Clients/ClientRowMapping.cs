using DeinstGateway.Core.Clients;

namespace DeinstGateway.Persistence.Clients;

internal static class ClientRowMapping
{
    public static ClientRecord ToDomain(this ClientRow row) => new(
        row.Id, row.PersonalCodeHash, row.FormerPersonalCodeHash, row.ProtectedIdentity, row.BirthDate, row.TargetGroup);

    public static ClientRow ToRow(this ClientRecord client, DateTime now) => new()
    {
        Id = client.Id,
        PersonalCodeHash = client.PersonalCodeHash,
        FormerPersonalCodeHash = client.FormerPersonalCodeHash,
        ProtectedIdentity = client.ProtectedIdentity,
        BirthDate = client.BirthDate,
        TargetGroup = client.TargetGroup,
        CreateTime = now,
        UpdateTime = now,
    };

    public static ClientRelation ToDomain(this ClientRelationRow row) =>
        new(row.ClientId, row.Kind, row.InstitutionCode, row.ValidFrom, row.ValidTo);

    public static ClientRelationRow ToRow(this ClientRelation relation, string? transferId, string? supportPlanId) => new()
    {
        ClientId = relation.ClientId,
        Kind = relation.Kind,
        InstitutionCode = relation.InstitutionCode,
        ValidFrom = relation.From,
        ValidTo = relation.To,
        TransferId = transferId,
        SupportPlanId = supportPlanId,
    };
}
