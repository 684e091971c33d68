using DeinstGateway.Core.Access;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Transfers;

namespace DeinstGateway.Core.Tests.Transfers;

/// <summary>Transfers and callers for the transfer rules' tests, with only the routing fields varied.</summary>
internal static class TransferSamples
{
    public const string Id = "0190f3c2-7a4b-7d1e-9c3f-5a6b7c8d9e0f";

    public static readonly DateTimeOffset Created = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static Transfer Transfer(
        TransferState state = TransferState.Submitted,
        string id = Id,
        string sourceCode = "vsac-zemgale-jelgava",
        string? sourceParentCode = "vsac-zemgale",
        string destinationMunicipalityCode = "mun-jelgava",
        string? destinationRegionCode = "pr-zemgale") => new(
        Id: id,
        CaseNumber: "DI-2026/0042",
        SourceCode: sourceCode,
        SourceParentCode: sourceParentCode,
        ClientId: "0190f3c2-0000-7000-8000-000000000001",
        TargetGroup: TargetGroup.AdultWithIntellectualOrMentalDisability,
        DestinationMunicipalityCode: destinationMunicipalityCode,
        DestinationRegionCode: destinationRegionCode,
        RequestedServices: [ServiceType.GroupHome],
        DestinationProviderCode: null,
        PlannedMoveDate: new DateOnly(2027, 1, 15),
        SupportPlanReference: "IAP-2026-17",
        State: state,
        RejectionReason: null,
        PlacesProviderCode: null,
        Version: 1,
        CreateTime: Created,
        UpdateTime: Created);

    public static Caller Caller(string institutionCode, InstitutionKind kind, DateTimeOffset? certificateNotAfter = null) =>
        new(institutionCode, kind, "0000000000000000000000000000000000000000", certificateNotAfter ?? DateTimeOffset.MaxValue);
}
