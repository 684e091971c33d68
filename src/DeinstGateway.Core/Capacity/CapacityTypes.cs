using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Transfers;

namespace DeinstGateway.Core.Capacity;

/// <summary>A provider's places for a service from a date on, until a later declaration.</summary>
public sealed record CapacityDeclaration(
    string ProviderCode,
    ServiceType ServiceType,
    int Places,
    DateOnly EffectiveFrom,
    string? DeclaredByCode,
    DateTimeOffset DeclareTime);

/// <summary>A transfer that holds places at a provider, in the state it had at a moment.</summary>
public sealed record PlaceHolding(string ProviderCode, IReadOnlyList<ServiceType> Services, TransferState State);

/// <summary>One provider × service with its counts.</summary>
public sealed record CapacityRow(Institution Provider, ServiceType ServiceType, PlaceCounts Counts);

/// <summary>The sum of the rows of one municipality or planning region, for one service.</summary>
public sealed record CapacityRollUp(string InstitutionCode, ServiceType ServiceType, PlaceCounts Counts);

public sealed record CapacityReport(
    DateOnly Date,
    IReadOnlyList<CapacityRow> Rows,
    IReadOnlyList<CapacityRollUp> Municipalities,
    IReadOnlyList<CapacityRollUp> PlanningRegions,
    PlaceCounts Total);

/// <summary>What a caller narrows a capacity query to; unset members do not narrow.</summary>
public sealed record CapacityFilter(
    string? PlanningRegionCode,
    string? MunicipalityCode,
    string? ProviderCode,
    ServiceType? ServiceType,
    DateOnly? Date);

public interface ICapacityStore
{
    /// <summary>Stores the declaration, replacing one for the same provider, service and date.</summary>
    Task DeclareAsync(CapacityDeclaration declaration, CancellationToken cancellationToken);

    /// <summary>Every provider's declared places and live counters as of the latest committed change.</summary>
    Task<ICapacityPlaces> PlacesAsync(CancellationToken cancellationToken);

    /// <summary>Transfers to these providers that were accepted or completed (and not cancelled) just before the moment.</summary>
    Task<IReadOnlyList<PlaceHolding>> HoldingsAsync(
        IReadOnlyCollection<string> providerCodes, DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>The highest capacity-change sequence committed so far (0 when there is none).</summary>
    Task<long> LatestChangeSequenceAsync(CancellationToken cancellationToken);

    /// <summary>Changes of these providers' counts with a sequence in (after, through], in order.</summary>
    Task<IReadOnlyList<CapacityChange>> ReadChangesAsync(
        IReadOnlyCollection<string> providerCodes, long afterSequence, long throughSequence, int limit, CancellationToken cancellationToken);
}

/// <summary>Declared places and live counters read at one moment, so they agree with each other.</summary>
public interface ICapacityPlaces
{
    /// <summary>For each of the providers' services, the declaration in force on the date.</summary>
    IReadOnlyList<CapacityDeclaration> DeclarationsInForce(IEnumerable<string> providerCodes, DateOnly date);

    /// <summary>
    /// Places taken right now, as the counters moved with every transfer change show them:
    /// completed transfers as occupied, accepted ones as reserved. Only services with places taken.
    /// </summary>
    IReadOnlyList<(string ProviderCode, ServiceType ServiceType, PlaceCounts Taken)> CurrentlyTaken(IEnumerable<string> providerCodes);
}

/// <summary>A provider's counts for a service changed.</summary>
public sealed record CapacityChange(long Sequence, string ProviderCode, ServiceType ServiceType);
