using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.SupportPlans;

public enum VolumePeriod
{
    Week = 1,
    Year = 2,
}

public sealed record PlannedService(ServiceType ServiceType, string? ProviderCode, int Volume, VolumePeriod Period);

/// <summary>A client's individual support plan; valid from <see cref="ValidFrom"/> until <see cref="ValidTo"/> (exclusive).</summary>
public sealed record SupportPlan(
    string ClientId,
    string PlanId,
    string ResponsibleMunicipalityCode,
    DateOnly AssessmentDate,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<PlannedService> PlannedServices,
    int Version,
    DateTimeOffset UpdateTime)
{
    public string Etag => "\"v" + Version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";

    public string Name => SupportPlanNames.Of(ClientId, PlanId);

    /// <summary>A provider the plan names serves the client while the plan is valid.</summary>
    public IReadOnlyList<ClientRelation> ProviderRelations() =>
        PlannedServices.Select(s => s.ProviderCode).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(provider => new ClientRelation(ClientId, RelationKind.Provider, provider, ValidFrom, ValidTo))
            .ToList();
}

/// <summary>What a municipality sends: the plan without its bookkeeping.</summary>
public sealed record SupportPlanDraft(
    string ClientId,
    string PlanId,
    DateOnly? AssessmentDate,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<PlannedServiceDraft> PlannedServices);

/// <summary>A planned service as sent: numbers unchecked, so validation can name every wrong field.</summary>
public sealed record PlannedServiceDraft(int ServiceType, string ProviderName, int Volume, int Period);

public interface ISupportPlanStore
{
    Task<SupportPlan?> FindAsync(string clientId, string planId, CancellationToken cancellationToken);

    Task<IReadOnlyList<SupportPlan>> ListAsync(string clientId, string? afterPlanId, int limit, CancellationToken cancellationToken);

    /// <summary>Every plan of these clients, in plan id order; a client without plans is left out.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<SupportPlan>>> ListOfClientsAsync(
        IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new plan (<paramref name="expectedVersion"/> null) or the next version of one;
    /// throws <see cref="Errors.ConflictException"/> when a new plan exists already and
    /// <see cref="Errors.ConcurrencyException"/> when the version moved on.
    /// </summary>
    Task SaveAsync(SupportPlan plan, int? expectedVersion, AccessEntry access, CancellationToken cancellationToken);
}

public static class SupportPlanNames
{
    public static string Of(string clientId, string planId) => $"clients/{clientId}/supportPlans/{planId}";

    public static string Client(string clientId) => "clients/" + clientId;
}
