using System.Data.Common;
using DeinstGateway.Persistence.Clients;
using DeinstGateway.Persistence.Database;

namespace DeinstGateway.Persistence.Transfers;

internal sealed record SubmissionRows(
    IEnumerable<ClientRow> NewClients,
    IReadOnlyList<TransferRow> Transfers,
    IReadOnlyList<TransferEventRow> Events);

/// <summary>
/// Writes a submission batch with one reused command per table: clients first, then the
/// transfers that refer to them, then their first state changes (whose sequence the database assigns).
/// </summary>
internal static class SubmissionWriter
{
    private static readonly (string, Func<ClientRow, object?>)[] ClientColumns =
    [
        ("Id", c => c.Id),
        ("PersonalCodeHash", c => c.PersonalCodeHash),
        ("FormerPersonalCodeHash", c => c.FormerPersonalCodeHash),
        ("ProtectedIdentity", c => c.ProtectedIdentity),
        ("BirthDate", c => c.BirthDate),
        ("TargetGroup", c => c.TargetGroup),
        ("CreateTime", c => c.CreateTime),
        ("UpdateTime", c => c.UpdateTime),
    ];

    private static readonly (string, Func<TransferRow, object?>)[] TransferColumns =
    [
        ("Id", t => t.Id),
        ("CaseNumber", t => t.CaseNumber),
        ("SourceCode", t => t.SourceCode),
        ("SourceParentCode", t => t.SourceParentCode),
        ("SubmitterCode", t => t.SubmitterCode),
        ("BusinessKey", t => t.BusinessKey),
        ("RequestId", t => t.RequestId),
        ("ContentHash", t => t.ContentHash),
        ("ClientId", t => t.ClientId),
        ("ProtectedPerson", t => t.ProtectedPerson),
        ("PersonBirthDate", t => t.PersonBirthDate),
        ("TargetGroup", t => t.TargetGroup),
        ("DestinationMunicipalityCode", t => t.DestinationMunicipalityCode),
        ("DestinationRegionCode", t => t.DestinationRegionCode),
        ("RequestedServices", t => t.RequestedServices),
        ("DestinationProviderCode", t => t.DestinationProviderCode),
        ("PlannedMoveDate", t => t.PlannedMoveDate),
        ("SupportPlanReference", t => t.SupportPlanReference),
        ("State", t => t.State),
        ("RejectionReason", t => t.RejectionReason),
        ("PlacesProviderCode", t => t.PlacesProviderCode),
        ("Version", t => t.Version),
        ("CreateTime", t => t.CreateTime),
        ("UpdateTime", t => t.UpdateTime),
    ];

    private static readonly (string, Func<TransferEventRow, object?>)[] EventColumns =
    [
        ("TransferId", e => e.TransferId),
        ("FromState", e => e.FromState),
        ("ToState", e => e.ToState),
        ("ActorCode", e => e.ActorCode),
        ("Time", e => e.Time),
        ("RejectionReason", e => e.RejectionReason),
        ("Version", e => e.Version),
    ];

    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, SubmissionRows rows, CancellationToken cancellationToken)
    {
        using (var insert = RowCommand<ClientRow>.Insert(connection, transaction, "clients", ClientColumns))
        {
            await insert.ExecuteAsync(rows.NewClients, cancellationToken);
        }

        using (var insert = RowCommand<TransferRow>.Insert(connection, transaction, "transfers", TransferColumns))
        {
            await insert.ExecuteAsync(rows.Transfers, cancellationToken);
        }

        using (var insert = RowCommand<TransferEventRow>.Insert(connection, transaction, "transfer_events", EventColumns))
        {
            await insert.ExecuteAsync(rows.Events, cancellationToken);
        }
    }
}
