using DeinstGateway.Core.Access;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.Capacity;

/// <summary>
/// Declarations of places: a provider's per service, a care institution's with its residents. A
/// day that has begun keeps the places it had.
/// </summary>
public sealed class CapacityCommands(ICapacityStore store, IOccupancyStore occupancy, IRegistrySnapshotSource registry, GatewayCalendar calendar)
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

        EnsureFromTodayOn(provider, effectiveFrom);
        var declaration = new CapacityDeclaration(providerCode, serviceType, places, effectiveFrom, caller.InstitutionCode, calendar.Now);
        await store.DeclareAsync(declaration, cancellationToken);
        return declaration;
    }

    public async Task<OccupancyDeclaration> DeclareOccupancyAsync(
        Caller caller, string institutionCode, int places, int residents, DateOnly effectiveFrom, CancellationToken cancellationToken)
    {
        var institution = (await registry.GetAsync(cancellationToken)).Find(institutionCode);
        if (institution is null || !CareInstitutions.DeclaresOccupancy(institution))
        {
            throw new ValidationException("institution", "must name a state care centre, one of its branches or a child-care institution known to the registry");
        }

        if (!CareInstitutions.MayDeclareFor(caller, institution))
        {
            throw new ForbiddenException("NOT_THE_INSTITUTION_OR_ITS_CENTRE", "Only the institution itself, or the state care centre of a branch, declares its occupancy.");
        }

        var violations = new List<FieldViolation>();
        if (places is < 0 or > MaxPlaces)
        {
            violations.Add(new FieldViolation("places", $"must be between 0 and {MaxPlaces}"));
        }

        if (residents is < 0 or > MaxPlaces)
        {
            violations.Add(new FieldViolation("residents", $"must be between 0 and {MaxPlaces}"));
        }

        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }

        EnsureFromTodayOn(institution, effectiveFrom);
        var declaration = new OccupancyDeclaration(institutionCode, places, residents, effectiveFrom, caller.InstitutionCode, calendar.Now);
        await occupancy.DeclareAsync(declaration, cancellationToken);
        return declaration;
    }

    private void EnsureFromTodayOn(Institution institution, DateOnly effectiveFrom)
    {
        if (effectiveFrom < calendar.Today)
        {
            throw new PreconditionFailedException(
                "CAPACITY_HISTORY_IS_FIXED",
                InstitutionCode.ResourceName(institution.Code),
                "Places can be declared from today on; a day that has begun is not rewritten.");
        }

        if (!institution.IsValidOn(effectiveFrom))
        {
            throw new ValidationException("effective_from", "the institution does not exist on that date");
        }
    }
}
