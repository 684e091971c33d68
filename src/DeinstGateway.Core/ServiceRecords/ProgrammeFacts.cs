using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.ServiceRecords;

/// <summary>
/// What the rules need to know beyond the record itself, gathered by the caller beforehand so that
/// the rules stay plain computation (no store, no clock).
/// </summary>
/// <param name="Provider">The provider the record names, or null when the registry does not know it.</param>
/// <param name="SupportPlans">The client's support plans that are in force (not withdrawn or declined).</param>
/// <param name="EarlierRecords">
/// The client's records already accepted and not withdrawn, at least those of the record's service
/// type that overlap the calendar year and the ISO week of the record; never the record being
/// checked itself (when it is corrected, leave its old version out).
/// </param>
public sealed record ProgrammeFacts(
    ServiceProviderFacts? Provider,
    IReadOnlyList<SupportPlanFacts> SupportPlans,
    IReadOnlyList<RecordedQuantity> EarlierRecords);

/// <summary>A provider from the registry and the service types it offers.</summary>
/// <param name="Territory">
/// The codes that stand for where it delivers: its municipality rolled up to today's, every former
/// municipality rolled up into that one, and its planning region; a project's partner entries are
/// matched against them.
/// </param>
public sealed record ServiceProviderFacts(Institution Institution, IReadOnlySet<ServiceType> OfferedServices, IReadOnlySet<string> Territory);

/// <summary>
/// An individual support plan: the services it plans and the days it is valid, both included (an
/// open-ended plan ends on <see cref="DateOnly.MaxValue"/>).
/// </summary>
public sealed record SupportPlanFacts(IReadOnlySet<ServiceType> PlannedServices, InclusivePeriod Validity);

/// <summary>The quantity of an earlier record, in the unit of its service type.</summary>
public sealed record RecordedQuantity(ServiceType ServiceType, InclusivePeriod Period, long Quantity);
