using System.Diagnostics;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;
using static DeinstGateway.Core.ServiceRecords.ServiceRecordReasons;

namespace DeinstGateway.Core.ServiceRecords;

/// <summary>
/// Checks one service record against the programme's rules and returns every violation, so that a
/// sender can fix a record in one go; an empty list means the record may be stored. The rules belong
/// to the record's project (<see cref="Project"/>): the services it offers, to whom, and their limits
/// (ages, caps, support plans), reported under the limits' own codes; "no project" applies the
/// catalogue's limits, the general rules. All of it is reference data: changing a limit changes the
/// outcome without a code change. The other rules (shape, provider, the project's funding, period
/// and partners, see <see cref="ProjectChecks"/>) are fixed and report a code of
/// <see cref="ServiceRecordReasons"/>.
/// <para>
/// Age: a limit's age range is judged on every day of the period, not on the first day alone. Ages
/// only grow, so the ages on the first and on the last day bound every day between. An age
/// eligibility (respite care up to 17 inclusive) fails when any day lies outside its range: a period
/// that reaches the 18th birthday is refused, because a first-day check would let days be delivered
/// to an adult. A cap or a support-plan requirement applies when any day lies inside its range: in
/// the week a child turns 5 both home-care caps apply, so the stricter binds, and a period that
/// reaches the 18th birthday needs the adult's support plan.
/// </para>
/// <para>
/// Caps: a record under a cap must lie inside one cap period (one calendar year; one ISO week, Monday
/// to Sunday). A record that crosses the boundary is refused with
/// <see cref="ServiceRecordReasons.PeriodSpansCapBoundary"/> and is to be sent as one record per
/// period. That is simpler and more exact than prorating: a record of 12 hours from Friday to Tuesday
/// does not say how many of them fell before Monday. The quantity counted against a cap is the
/// record's own plus that of every earlier record of the same service whose period overlaps the cap
/// period. Records these rules accepted never cross a boundary, so the count is exact for them; an
/// imported earlier record that does cross one counts whole in each period it touches, erring
/// towards the cap rather than past it.
/// </para>
/// </summary>
public sealed class ProgrammeRules
{
    /// <summary>
    /// Most one record may cost: EUR 1,000,000. Far above any real delivery, and it keeps every sum
    /// of records (caps, funding reports) well inside 64-bit cents.
    /// </summary>
    public const long MaxCostCents = 100_000_000;

    private const int HoursPerDay = 24;

    private readonly Dictionary<ServiceType, ServiceTypeDefinition> _catalogue = [];
    private readonly Dictionary<string, ProjectRules> _projects = new(StringComparer.Ordinal);

    /// <summary>
    /// Throws <see cref="ArgumentException"/> for limits that cannot be applied, a project offering a
    /// service outside the catalogue, or no "no project" (<see cref="Project.NoProjectCode"/>), so
    /// that bad reference data fails at start.
    /// </summary>
    public ProgrammeRules(IEnumerable<ServiceTypeDefinition> catalogue, IEnumerable<Project> projects)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(projects);
        foreach (var definition in catalogue)
        {
            if (!_catalogue.TryAdd(definition.Type, definition))
            {
                throw new ArgumentException($"Service type {definition.Type} appears twice in the catalogue.", nameof(catalogue));
            }

            CheckLimits(definition, definition.Limits, "the catalogue");
        }

        foreach (var project in projects)
        {
            var services = project.Services
                ?? _catalogue.Values.Select(d => new ProjectService(d.Type, d.Limits, [RecipientKind.Client])).ToList();
            var offered = new Dictionary<ServiceType, ProjectService>();
            foreach (var service in services)
            {
                if (!_catalogue.TryGetValue(service.Type, out var definition) || !offered.TryAdd(service.Type, service))
                {
                    throw new ArgumentException($"Project '{project.Code}' offers {service.Type}, which is not in the catalogue or appears twice.", nameof(projects));
                }

                CheckLimits(definition, service.Limits, $"project '{project.Code}'");
            }

            if (!_projects.TryAdd(project.Code, new ProjectRules(project, offered)))
            {
                throw new ArgumentException($"Project '{project.Code}' appears twice.", nameof(projects));
            }
        }

        if (!_projects.ContainsKey(Project.NoProjectCode))
        {
            throw new ArgumentException($"The projects lack '{Project.NoProjectCode}', whose rules judge records outside any project.", nameof(projects));
        }
    }

    /// <summary>The services some project caps: only their earlier records need reading.</summary>
    public IReadOnlySet<ServiceType> CappedServices => _projects.Values
        .SelectMany(p => p.Services.Values)
        .Where(s => s.Limits.Any(l => l.Kind == ServiceLimitKind.QuantityCap))
        .Select(s => s.Type)
        .ToHashSet();

    /// <summary>The project whose rules judged a record <see cref="Check"/> accepted.</summary>
    public Project ProjectOf(ServiceRecordCandidate candidate) =>
        ProjectChecks.ProjectOf(_projects, candidate, (code, _) => throw new ArgumentException($"The record was not accepted ({code}).", nameof(candidate)))!.Project;

    private static void CheckLimits(ServiceTypeDefinition definition, IEnumerable<ServiceLimit> limits, string owner)
    {
        foreach (var limit in limits)
        {
            if (CatalogueLimits.Problem(definition, limit) is { } problem)
            {
                throw new ArgumentException($"Service limit '{limit.Code}' of {definition.Type} in {owner} {problem}.");
            }
        }
    }

    public IReadOnlyList<ServiceRecordViolation> Check(ServiceRecordCandidate candidate, ProgrammeFacts facts)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(facts);

        var violations = new List<ServiceRecordViolation>();
        void Fail(string code, string description) => violations.Add(new ServiceRecordViolation(code, description));

        var definition = CheckShape(candidate, Fail);
        var project = ProjectChecks.ProjectOf(_projects, candidate, Fail);
        if (definition is not null)
        {
            // The remaining rules need a sound period, an age on it and the service's limits.
            CheckProvider(candidate, facts.Provider, Fail);
            if (project is not null && ProjectChecks.OfferedService(candidate, project, facts.Provider, Fail) is { } service)
            {
                CheckLimits(candidate, definition, service.Limits, facts, Fail);
            }
        }

        return violations;
    }

    /// <summary>Returns the service's definition when the period, the birth date and the service type allow the other rules to be judged.</summary>
    private ServiceTypeDefinition? CheckShape(ServiceRecordCandidate candidate, Action<string, string> fail)
    {
        var period = candidate.Period;
        var sound = true;
        if (period.EndsBeforeItStarts)
        {
            fail(PeriodEndBeforeStart, "The period's last day is before its first day.");
            sound = false;
        }
        else if (candidate.ClientBirthDate > period.FirstDay)
        {
            fail(BirthDateAfterPeriodStart, "The client's birth date is after the first day of the period.");
            sound = false;
        }

        if (candidate.Quantity <= 0)
        {
            fail(QuantityNotPositive, "The quantity must be greater than zero.");
        }

        if (candidate.CostCents < 0)
        {
            fail(CostNegative, "The cost must not be negative.");
        }
        else if (candidate.CostCents > MaxCostCents)
        {
            fail(CostAboveLimit, $"cost.euro_cents must be at most {MaxCostCents} (EUR 1,000,000 per record).");
        }

        if (!Enum.IsDefined(candidate.FundingSource))
        {
            fail(FundingSourceUnknown, "The funding source is not one the programme knows.");
        }

        if (!Enum.IsDefined(candidate.RecipientKind))
        {
            fail(RecipientKindUnknown, "The recipient kind is not one the programme knows.");
        }

        if (!_catalogue.TryGetValue(candidate.ServiceType, out var definition))
        {
            fail(ServiceTypeUnknown, "The service type is not in the programme's catalogue.");
            return null;
        }

        if (candidate.Unit != definition.Unit)
        {
            fail(UnitDoesNotMatchService, $"The service type is counted in {definition.Unit.ToString().ToLowerInvariant()}.");
        }
        else if (sound && candidate.Quantity > MostThatFits(candidate.Unit, period))
        {
            fail(QuantityExceedsPeriodLength, "The quantity is more than the period can hold (one day per day, 24 hours per day).");
        }

        return sound ? definition : null;
    }

    private static long MostThatFits(ServiceUnit unit, InclusivePeriod period) => unit switch
    {
        ServiceUnit.Days => period.DayCount,
        ServiceUnit.Hours => (long)period.DayCount * HoursPerDay,

        // Places may be counted in place-days and sessions may run in parallel: no bound from the calendar.
        _ => long.MaxValue,
    };

    private static void CheckProvider(ServiceRecordCandidate candidate, ServiceProviderFacts? provider, Action<string, string> fail)
    {
        if (provider is null)
        {
            fail(ProviderUnknown, "The provider is not in the registry.");
            return;
        }

        if (!string.Equals(provider.Institution.Code, candidate.ProviderCode, StringComparison.Ordinal))
        {
            // The caller looked up the wrong provider: a programming error, not the sender's.
            throw new ArgumentException("The provider facts describe another provider than the record names.", nameof(provider));
        }

        if (!provider.OfferedServices.Contains(candidate.ServiceType))
        {
            fail(ProviderDoesNotOfferService, "The provider does not offer this service type.");
        }

        // Registry validity is one unbroken interval, so valid on both ends means valid on every day between.
        var institution = provider.Institution;
        if (!institution.IsValidOn(candidate.Period.FirstDay) || !institution.IsValidOn(candidate.Period.LastDay))
        {
            fail(ProviderNotValidInPeriod, "The provider does not exist in the registry on every day of the period.");
        }
    }

    private static void CheckLimits(
        ServiceRecordCandidate candidate,
        ServiceTypeDefinition definition,
        IReadOnlyList<ServiceLimit> limits,
        ProgrammeFacts facts,
        Action<string, string> fail)
    {
        var ageOnFirstDay = PersonAge.YearsOn(candidate.ClientBirthDate, candidate.Period.FirstDay);
        var ageOnLastDay = PersonAge.YearsOn(candidate.ClientBirthDate, candidate.Period.LastDay);
        var crossedBoundaries = new HashSet<LimitPeriod>();
        foreach (var limit in limits)
        {
            if (limit.Kind == ServiceLimitKind.AgeEligibility)
            {
                var outside = (limit.MinAgeYears is { } min && ageOnFirstDay < min)
                    || (limit.MaxAgeYears is { } max && ageOnLastDay > max);
                if (outside)
                {
                    fail(limit.Code, limit.Description);
                }

                continue;
            }

            var appliesOnSomeDay = (limit.MinAgeYears is not { } from || ageOnLastDay >= from)
                && (limit.MaxAgeYears is not { } to || ageOnFirstDay <= to);
            if (!appliesOnSomeDay)
            {
                continue;
            }

            switch (limit.Kind)
            {
                case ServiceLimitKind.SupportPlanRequired:
                    if (!facts.SupportPlans.Any(p => p.PlannedServices.Contains(candidate.ServiceType) && p.Validity.Covers(candidate.Period)))
                    {
                        fail(limit.Code, limit.Description);
                    }

                    break;
                case ServiceLimitKind.QuantityCap:
                    // A record in another unit is refused by the shape check; its quantity cannot be compared.
                    if (candidate.Unit == definition.Unit)
                    {
                        CheckCap(candidate, limit, facts.EarlierRecords, crossedBoundaries, fail);
                    }

                    break;
                default:
                    throw new UnreachableException("The constructor admits only known limit kinds.");
            }
        }
    }

    private static void CheckCap(
        ServiceRecordCandidate candidate,
        ServiceLimit limit,
        IReadOnlyList<RecordedQuantity> earlierRecords,
        HashSet<LimitPeriod> crossedBoundaries,
        Action<string, string> fail)
    {
        var capPeriod = limit.Period ?? throw new UnreachableException("The constructor admits caps with a period only.");
        var window = CapPeriods.Containing(capPeriod, candidate.Period.FirstDay);
        if (!window.Covers(candidate.Period))
        {
            // Two caps over the same kind of period (two age bands) would report the same boundary twice.
            if (crossedBoundaries.Add(capPeriod))
            {
                fail(PeriodSpansCapBoundary, capPeriod == LimitPeriod.Week
                    ? "The period crosses from a Sunday to a Monday under a weekly cap; send one record per week (Monday to Sunday)."
                    : "The period crosses the turn of a year under a yearly cap; send one record per calendar year.");
            }

            return;
        }

        // Int128: no number of long quantities a caller can pass overflows it.
        Int128 counted = candidate.Quantity;
        foreach (var earlier in earlierRecords)
        {
            if (earlier.ServiceType == candidate.ServiceType && earlier.Period.Overlaps(window))
            {
                counted += earlier.Quantity;
            }
        }

        if (counted > limit.MaxQuantity)
        {
            fail(limit.Code, limit.Description);
        }
    }
}
