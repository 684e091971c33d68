using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Transfers;

/// <summary>A transfer as stored, with the person's identity still protected.</summary>
public sealed record Transfer(
    string Id,
    string CaseNumber,
    string SourceCode,
    string? SourceParentCode,
    string ClientId,
    TargetGroup TargetGroup,
    string DestinationMunicipalityCode,
    string? DestinationRegionCode,
    IReadOnlyList<ServiceType> RequestedServices,
    string? DestinationProviderCode,
    DateOnly PlannedMoveDate,
    string SupportPlanReference,
    TransferState State,
    RejectionReason? RejectionReason,
    string? PlacesProviderCode,
    int Version,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime)
{
    /// <summary>AIP-154 etag: changes with every state change.</summary>
    public string Etag => TransferEtag.Of(Version);
}

public static class TransferEtag
{
    public static string Of(int version) => "\"v" + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";
}

/// <summary>One state change, as recorded and as sent on the feed.</summary>
public sealed record TransferStateChange(
    long Sequence,
    string TransferId,
    TransferState? FromState,
    TransferState ToState,
    string ActorCode,
    DateTimeOffset Time,
    RejectionReason? RejectionReason,
    int Version);

/// <summary>A transfer with its history and, where the caller may see them, the person's details.</summary>
public sealed record TransferView(
    Transfer Transfer,
    IReadOnlyList<TransferStateChange> History,
    PersonView? Person);

/// <summary>The person as shown to a caller allowed to see personal data.</summary>
public sealed record PersonView(ClientIdentity Identity, DateOnly BirthDate);
