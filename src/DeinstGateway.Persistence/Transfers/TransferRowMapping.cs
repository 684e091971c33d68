using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Persistence.Database;

namespace DeinstGateway.Persistence.Transfers;

internal static class TransferRowMapping
{
    public static Transfer ToDomain(this TransferRow row) => new(
        row.Id,
        row.CaseNumber,
        row.SourceCode,
        row.SourceParentCode,
        row.ClientId,
        row.TargetGroup,
        row.DestinationMunicipalityCode,
        row.DestinationRegionCode,
        ParseServices(row.RequestedServices),
        row.DestinationProviderCode,
        row.PlannedMoveDate,
        row.SupportPlanReference,
        row.State,
        row.RejectionReason,
        row.PlacesProviderCode,
        row.Version,
        StoredTime.AsUtc(row.CreateTime),
        StoredTime.AsUtc(row.UpdateTime));

    public static TransferRow ToRow(this NewTransfer created)
    {
        var t = created.Transfer;
        var row = new TransferRow
        {
            Id = t.Id,
            CaseNumber = t.CaseNumber,
            SourceCode = t.SourceCode,
            SubmitterCode = created.SubmitterCode,
            BusinessKey = created.BusinessKey,
            RequestId = StoredUuid.ToBytes(created.RequestId),
            ContentHash = created.ContentHash,
            ClientId = t.ClientId,
            ProtectedPerson = created.Person.ProtectedIdentity,
            PersonBirthDate = created.Person.BirthDate,
            DestinationMunicipalityCode = t.DestinationMunicipalityCode,
            RequestedServices = FormatServices(t.RequestedServices),
            SupportPlanReference = t.SupportPlanReference,
        };
        row.Apply(t);
        return row;
    }

    /// <summary>Copies what a state change may alter, and the rest of the transfer's fields.</summary>
    public static void Apply(this TransferRow row, Transfer t)
    {
        row.SourceParentCode = t.SourceParentCode;
        row.TargetGroup = t.TargetGroup;
        row.DestinationRegionCode = t.DestinationRegionCode;
        row.DestinationProviderCode = t.DestinationProviderCode;
        row.PlannedMoveDate = t.PlannedMoveDate;
        row.State = t.State;
        row.RejectionReason = t.RejectionReason;
        row.PlacesProviderCode = t.PlacesProviderCode;
        row.Version = t.Version;
        row.CreateTime = t.CreateTime.UtcDateTime;
        row.UpdateTime = t.UpdateTime.UtcDateTime;
    }

    public static TransferEventRow ToRow(this TransferStateChange change) => new()
    {
        TransferId = change.TransferId,
        FromState = change.FromState,
        ToState = change.ToState,
        ActorCode = change.ActorCode,
        Time = change.Time.UtcDateTime,
        RejectionReason = change.RejectionReason,
        Version = change.Version,
    };

    public static TransferStateChange ToDomain(this TransferEventRow row) => new(
        row.Sequence, row.TransferId, row.FromState, row.ToState, row.ActorCode, StoredTime.AsUtc(row.Time), row.RejectionReason, row.Version);

    public static ProtectedPerson Person(this TransferRow row) => new(row.ProtectedPerson, row.PersonBirthDate);

    private static string FormatServices(IEnumerable<ServiceType> services) =>
        string.Join(',', services.Select(s => ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static List<ServiceType> ParseServices(string services) =>
        services.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => (ServiceType)int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
}
