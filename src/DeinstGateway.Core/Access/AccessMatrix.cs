using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Access;

/// <summary>
/// Who may make which call, over whose records, seeing which fields, for which purposes. The one
/// table the gateway enforces on every call, renders into the README and generates its access
/// tests from. Deny by default: a call and institution kind without a row are refused.
/// </summary>
public static class AccessMatrix
{
    public const string PurposeMissing = "PURPOSE_MISSING";
    public const string PurposeNotAllowed = "PURPOSE_NOT_ALLOWED";

    private const InstitutionKind Ministry = InstitutionKind.Ministry;
    private const InstitutionKind Region = InstitutionKind.PlanningRegion;
    private const InstitutionKind Municipality = InstitutionKind.Municipality;
    private const InstitutionKind CareCentre = InstitutionKind.StateCareCentre;
    private const InstitutionKind Branch = InstitutionKind.CareCentreBranch;
    private const InstitutionKind ChildCare = InstitutionKind.ChildCareInstitution;
    private const InstitutionKind Provider = InstitutionKind.ServiceProvider;

    private static readonly Grant[] EveryKindReadsReferenceData =
        Enum.GetValues<InstitutionKind>().Select(kind => new Grant(kind, AccessScope.All, ReturnedFields.ReferenceData)).ToArray();

    private static readonly Grant[] HandoverPartiesRead =
    [
        new(Ministry, AccessScope.All, ReturnedFields.Pseudonymised, Purposes.Supervision, Purposes.DataSubjectRequest),
        new(Region, AccessScope.OwnRegion, ReturnedFields.Pseudonymised, Purposes.Supervision),
        new(Municipality, AccessScope.OwnMunicipality, ReturnedFields.Identified, Purposes.TransferHandover, Purposes.DataSubjectRequest),
        new(CareCentre, AccessScope.OwnBranches, ReturnedFields.Identified, Purposes.TransferHandover),
        new(Branch, AccessScope.OwnRecords, ReturnedFields.Identified, Purposes.TransferHandover),
        new(ChildCare, AccessScope.OwnRecords, ReturnedFields.Identified, Purposes.TransferHandover),
    ];

    // The feed carries states and routing, never the person: the parties see it as overseers do.
    private static readonly Grant[] HandoverPartiesWatch =
        HandoverPartiesRead.Select(g => g with { Fields = ReturnedFields.Pseudonymised }).ToArray();

    private static readonly Grant[] SourcesWrite =
    [
        new(CareCentre, AccessScope.OwnBranches, ReturnedFields.Identified, Purposes.TransferHandover),
        new(Branch, AccessScope.OwnRecords, ReturnedFields.Identified, Purposes.TransferHandover),
        new(ChildCare, AccessScope.OwnRecords, ReturnedFields.Identified, Purposes.TransferHandover),
    ];

    private static readonly Grant[] DestinationDecides =
        [new(Municipality, AccessScope.OwnMunicipality, ReturnedFields.Identified, Purposes.TransferHandover)];

    private static readonly Grant[] PlaceCounters =
    [
        new(Ministry, AccessScope.All, ReturnedFields.Aggregates),
        new(Region, AccessScope.OwnRegion, ReturnedFields.Aggregates),
        new(Municipality, AccessScope.OwnMunicipality, ReturnedFields.Aggregates),
        new(Provider, AccessScope.OwnRecords, ReturnedFields.Aggregates),
    ];

    private static readonly Grant[] PlanReaders =
    [
        new(Municipality, AccessScope.OwnMunicipality, ReturnedFields.Pseudonymised, Purposes.SupportPlanning, Purposes.DataSubjectRequest),
        new(Provider, AccessScope.OwnRecords, ReturnedFields.Pseudonymised, Purposes.SupportPlanning, Purposes.ServiceDelivery),
    ];

    // Who records a service also takes back its own mistaken records, and no one else's.
    private static readonly Grant[] ServiceRecorders =
    [
        new(Municipality, AccessScope.OwnMunicipality, ReturnedFields.Pseudonymised, Purposes.ServiceDelivery),
        new(Provider, AccessScope.OwnRecords, ReturnedFields.Pseudonymised, Purposes.ServiceDelivery),
    ];

    private static readonly Grant[] ServiceRecordReaders =
    [
        new(Ministry, AccessScope.All, ReturnedFields.Pseudonymised, Purposes.Supervision, Purposes.DataSubjectRequest),
        new(Region, AccessScope.OwnRegion, ReturnedFields.Pseudonymised, Purposes.Supervision),
        new(Municipality, AccessScope.OwnMunicipality, ReturnedFields.Pseudonymised, Purposes.ServiceDelivery, Purposes.DataSubjectRequest),
        new(Provider, AccessScope.OwnRecords, ReturnedFields.Pseudonymised, Purposes.ServiceDelivery),
    ];

    // Those with a relation to a client find it by personal code; care centres and the ministry
    // learn only which client it is, not who (they sent, or oversee, the person).
    private static readonly Grant[] ClientFinders =
    [
        new(Ministry, AccessScope.All, ReturnedFields.Pseudonymised, Purposes.DataSubjectRequest, Purposes.Supervision),
        new(Municipality, AccessScope.OwnMunicipality, ReturnedFields.Identified,
            Purposes.SupportPlanning, Purposes.ServiceDelivery, Purposes.TransferHandover, Purposes.DataSubjectRequest),
        new(CareCentre, AccessScope.OwnBranches, ReturnedFields.Pseudonymised, Purposes.TransferHandover),
        new(Branch, AccessScope.OwnRecords, ReturnedFields.Pseudonymised, Purposes.TransferHandover),
        new(ChildCare, AccessScope.OwnRecords, ReturnedFields.Pseudonymised, Purposes.TransferHandover),
        new(Provider, AccessScope.OwnRecords, ReturnedFields.Identified, Purposes.ServiceDelivery, Purposes.SupportPlanning),
    ];

    // Care institutions declare their own places and residents; a state care centre also its branches'.
    private static readonly Grant[] OccupancyDeclarers =
    [
        new(CareCentre, AccessScope.OwnBranches, ReturnedFields.Aggregates),
        new(Branch, AccessScope.OwnRecords, ReturnedFields.Aggregates),
        new(ChildCare, AccessScope.OwnRecords, ReturnedFields.Aggregates),
    ];

    // The responsible municipality assesses, and so does the planning region whose project does.
    private static readonly Grant[] AssessmentReaders =
    [
        new(Ministry, AccessScope.All, ReturnedFields.Pseudonymised, Purposes.Supervision, Purposes.DataSubjectRequest),
        new(Region, AccessScope.OwnRegion, ReturnedFields.Pseudonymised, Purposes.SupportPlanning, Purposes.Supervision),
        new(Municipality, AccessScope.OwnMunicipality, ReturnedFields.Pseudonymised, Purposes.SupportPlanning, Purposes.DataSubjectRequest),
    ];

    // Aggregates with small cells withheld: no person, so no purpose to declare.
    private static readonly Grant[] Monitors =
    [
        new(Ministry, AccessScope.All, ReturnedFields.Aggregates),
        new(Region, AccessScope.OwnRegion, ReturnedFields.Aggregates),
        new(Municipality, AccessScope.OwnMunicipality, ReturnedFields.Aggregates),
    ];

    /// <summary>Every allowed cell, in the order the README shows them.</summary>
    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        .. Row(Rpcs.GetInstitution, EveryKindReadsReferenceData),
        .. Row(Rpcs.ListInstitutions, EveryKindReadsReferenceData),
        .. Row(Rpcs.ListServiceTypes, EveryKindReadsReferenceData),

        .. Row(Rpcs.SubmitTransfers, SourcesWrite),
        .. Row(Rpcs.GetTransfer, HandoverPartiesRead),
        .. Row(Rpcs.ListTransfers, HandoverPartiesRead),
        .. Row(Rpcs.WatchTransfers, HandoverPartiesWatch),
        .. Row(Rpcs.AcceptTransfer, DestinationDecides),
        .. Row(Rpcs.RejectTransfer, DestinationDecides),
        .. Row(Rpcs.CompleteTransfer, DestinationDecides),
        .. Row(Rpcs.CancelTransfer, SourcesWrite),

        .. Row(Rpcs.SetCapacity,
            new Grant(Municipality, AccessScope.OwnMunicipality, ReturnedFields.Aggregates),
            new Grant(Provider, AccessScope.OwnRecords, ReturnedFields.Aggregates)),
        .. Row(Rpcs.QueryCapacity, PlaceCounters),
        .. Row(Rpcs.WatchCapacity, PlaceCounters),
        .. Row(Rpcs.SetOccupancy, OccupancyDeclarers),

        .. Row(Rpcs.PutSupportPlan,
            new Grant(Municipality, AccessScope.OwnMunicipality, ReturnedFields.Pseudonymised, Purposes.SupportPlanning)),
        .. Row(Rpcs.GetSupportPlan, PlanReaders),
        .. Row(Rpcs.ListSupportPlans, PlanReaders),

        .. Row(Rpcs.RecordServices, ServiceRecorders),
        .. Row(Rpcs.RecordServiceBatches, ServiceRecorders),
        .. Row(Rpcs.BatchRecordServices, ServiceRecorders),
        .. Row(Rpcs.ListServiceRecords, ServiceRecordReaders),
        .. Row(Rpcs.GetFundingReport, PlaceCounters),
        .. Row(Rpcs.WithdrawServiceRecord, ServiceRecorders),

        .. Row(Rpcs.LookupClient, ClientFinders),
        .. Row(Rpcs.GetClient, [.. ClientFinders, new Grant(Region, AccessScope.OwnRegion, ReturnedFields.Pseudonymised, Purposes.Supervision)]),
        .. Row(Rpcs.RegisterClient,
            new Grant(Municipality, AccessScope.OwnMunicipality, ReturnedFields.Identified, Purposes.SupportPlanning)),
        .. Row(Rpcs.ListClients,
            new Grant(Municipality, AccessScope.OwnMunicipality, ReturnedFields.Identified, Purposes.SupportPlanning, Purposes.ServiceDelivery),
            new Grant(Provider, AccessScope.OwnRecords, ReturnedFields.Identified, Purposes.ServiceDelivery)),
        .. Row(Rpcs.ChangeClientPersonalCode,
            new Grant(Municipality, AccessScope.OwnMunicipality, ReturnedFields.Identified, Purposes.SupportPlanning)),

        .. Row(Rpcs.CreateNeedsAssessment,
            new Grant(Region, AccessScope.OwnRegion, ReturnedFields.Pseudonymised, Purposes.SupportPlanning),
            new Grant(Municipality, AccessScope.OwnMunicipality, ReturnedFields.Pseudonymised, Purposes.SupportPlanning)),
        .. Row(Rpcs.GetNeedsAssessment, AssessmentReaders),
        .. Row(Rpcs.ListNeedsAssessments, AssessmentReaders),

        .. Row(Rpcs.ListTransferCounts, Monitors),
        .. Row(Rpcs.ListTransferDurations, Monitors),
        .. Row(Rpcs.ListOccupancy, Monitors),
        .. Row(Rpcs.ListSupportPlanCounts, Monitors),
        .. Row(Rpcs.ListAssessmentCounts, Monitors),
        .. Row(Rpcs.ListServiceVolumes, Monitors),
        .. Row(Rpcs.ListPlanProgress, Monitors),

        .. Row(Rpcs.ListClientAccess,
            new Grant(Ministry, AccessScope.All, ReturnedFields.AccessLogEntries, Purposes.DataSubjectRequest, Purposes.Supervision),
            new Grant(Municipality, AccessScope.OwnMunicipality, ReturnedFields.AccessLogEntries, Purposes.DataSubjectRequest)),
        .. Row(Rpcs.VerifyAuditLog, new Grant(Ministry, AccessScope.All, ReturnedFields.AuditVerdict)),
    ];

    private static readonly Dictionary<(string Method, InstitutionKind Kind), AccessRule> ByCell =
        Rules.ToDictionary(rule => (rule.Method, rule.Kind));

    /// <summary>Every call the matrix knows, in table order.</summary>
    public static IReadOnlyList<string> Methods { get; } = Rules.Select(r => r.Method).Distinct().ToList();

    public static AccessRule? Find(string method, InstitutionKind kind) => ByCell.GetValueOrDefault((method, kind));

    /// <summary>
    /// The rule that allows this call with this declared purpose; refuses a call without a row,
    /// and a call carrying personal data whose purpose is missing or not among the row's.
    /// </summary>
    public static AccessRule Authorize(string method, InstitutionKind kind, string? purpose)
    {
        var rule = Find(method, kind) ?? throw new ForbiddenException(
            "CALL_NOT_ALLOWED", $"A {kind} institution may not call {Rpcs.DisplayName(method)}.");
        if (!rule.NeedsPurpose)
        {
            return rule;
        }

        if (string.IsNullOrEmpty(purpose))
        {
            throw new ForbiddenException(
                PurposeMissing, $"{Rpcs.DisplayName(method)} carries personal data: declare one of {string.Join(", ", rule.Purposes)}.");
        }

        if (!rule.Purposes.Contains(purpose, StringComparer.Ordinal))
        {
            throw new ForbiddenException(
                PurposeNotAllowed, $"A {kind} institution may call {Rpcs.DisplayName(method)} only for {string.Join(", ", rule.Purposes)}.");
        }

        return rule;
    }

    private static IEnumerable<AccessRule> Row(string method, params Grant[] grants) =>
        grants.Select(g => new AccessRule(method, g.Kind, g.Scope, g.Fields, g.Purposes));

    private sealed record Grant(InstitutionKind Kind, AccessScope Scope, ReturnedFields Fields, params string[] Purposes);
}
