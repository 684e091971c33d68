using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.Transfers;

/// <summary>
/// One submitted transfer exactly as it arrived: strings, enum numbers and dates unchecked, so
/// that validation can report every wrong field at once, named as the contract names it.
/// </summary>
public sealed record SubmissionInput(
    string RequestId,
    string CaseNumber,
    string Source,
    string PersonalCode,
    string FormerPersonalCode,
    string GivenName,
    string FamilyName,
    DateInput? BirthDate,
    int TargetGroup,
    string DestinationMunicipality,
    IReadOnlyList<int> RequestedServices,
    string DestinationProvider,
    DateInput? PlannedMoveDate,
    string SupportPlanReference);
