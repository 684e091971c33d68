using DeinstGateway.Core.Access;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.Capacity;

/// <summary>Declarations of places. A day that has begun keeps the places it had.</summary>
public sealed class CapacityCommands(ICapacityStore store, IRegistrySnapshotSource registry, GatewayCalendar calendar)
{
    /// <summary>More places than any community service in the programme has; a typo guard.</summary>
    public const int MaxPlaces = 10_000;

    public async Task<CapacityDeclaration> DeclareAsync(
        Caller caller, string providerCode, ServiceType serviceType, int places, DateOnly effectiveFrom, CancellationToken cancellationToken)
    {
        var snapshot = await registry.GetAsync(cancellationToken);
        var provider = snapshot.Find(providerCode);
        if (provider is null || provider.Kind != InstitutionKind.ServiceProvider)
        {
            throw new ValidationException("provider", "must name a service provider known to the registry");
        }

        CapacityScope.EnsureMayDeclare(caller, provider);
        var violations = new List<FieldViolation>();
        if (places is < 0 or > MaxPlaces)
        {
            violations.Add(new FieldViolation("places", $"must be between 0 and {MaxPlaces}"));
        }

        if (snapshot.Find(serviceType)?.Unit != ServiceUnit.Places)
        {
            violations.Add(new FieldViolation("service_type", "must be a service counted in places (group home, day care, workshop, half-way house)"));
        }

        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }

        if (effectiveFrom < calendar.Today)
        {
            throw new PreconditionFailedException(
                "CAPACITY_HISTORY_IS_FIXED",
                InstitutionCode.ResourceName(providerCode),
                "Places can be declared from today on; a day that has begun is not rewritten.");
        }

        if (!provider.IsValidOn(effectiveFrom))
        {
            throw new ValidationException("effective_from", "the provider does not exist on that date");
        }

        var declaration = new CapacityDeclaration(providerCode, serviceType, places, effectiveFrom, caller.InstitutionCode, calendar.Now);
        await store.DeclareAsync(declaration, cancellationToken);
        return declaration;
    }
}
