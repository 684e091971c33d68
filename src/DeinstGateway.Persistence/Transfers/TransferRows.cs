using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Transfers;

namespace DeinstGateway.Persistence.Transfers;

public sealed class TransferRow
{
    public required string Id { get; set; }

    public required string CaseNumber { get; set; }

    public required string SourceCode { get; set; }

    public string? SourceParentCode { get; set; }

    public required string SubmitterCode { get; set; }

    /// <summary>Source code and case number: one transfer per business key.</summary>
    public required string BusinessKey { get; set; }

    /// <summary>
    /// The submitter's request id as the UUID's 16 bytes: one transfer per request id and
    /// submitter. Bytes, not 36 characters: the unique index takes a random place per transfer,
    /// and smaller entries mean fewer index pages rewritten per commit.
    /// </summary>
    public required byte[] RequestId { get; set; }

    public required byte[] ContentHash { get; set; }

    public required string ClientId { get; set; }

    /// <summary>The person as the sender sent them, encrypted (<see cref="Core.Clients.ProtectedPerson"/>).</summary>
    public required byte[] ProtectedPerson { get; set; }

    public DateOnly PersonBirthDate { get; set; }

    public TargetGroup TargetGroup { get; set; }

    public required string DestinationMunicipalityCode { get; set; }

    public string? DestinationRegionCode { get; set; }

    /// <summary>Service type numbers, comma-separated, ascending.</summary>
    public required string RequestedServices { get; set; }

    public string? DestinationProviderCode { get; set; }

    public DateOnly PlannedMoveDate { get; set; }

    public required string SupportPlanReference { get; set; }

    public TransferState State { get; set; }

    public RejectionReason? RejectionReason { get; set; }

    /// <summary>The provider whose places this transfer holds (reserved or occupied), if any.</summary>
    public string? PlacesProviderCode { get; set; }

    public int Version { get; set; }

    public DateTime CreateTime { get; set; }

    public DateTime UpdateTime { get; set; }
}

/// <summary>
/// One state change of a transfer: its history and the feed. The sequence is assigned by the
/// database, so every gateway process sharing it numbers events in one series.
/// </summary>
public sealed class TransferEventRow
{
    public long Sequence { get; set; }

    public required string TransferId { get; set; }

    public TransferState? FromState { get; set; }

    public TransferState ToState { get; set; }

    public required string ActorCode { get; set; }

    public DateTime Time { get; set; }

    public RejectionReason? RejectionReason { get; set; }

    public int Version { get; set; }
}
