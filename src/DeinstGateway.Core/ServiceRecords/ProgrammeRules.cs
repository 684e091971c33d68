using System.Diagnostics;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;
using static DeinstGateway.Core.ServiceRecords.ServiceRecordReasons;

namespace DeinstGateway.Core.ServiceRecords;

/// <summary>
/// Checks one service record against the programme's rules and returns every violation, so that a
/// sender can fix a record in one go; an empty list means the record may be stored. The limits of a
/// service type (ages, caps, support plans) are the catalogue's data and are reported under their
/// own codes: changing a limit in the reference data changes the outcome without a code change. The
/// other rules (shape, provider, funding) are fixed and report a code of <see cref="ServiceRecordReasons"/>.
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

    /// <summary>Throws <see cref="ArgumentException"/> for limits that cannot be applied, so that bad reference data fails at start.</summary>
    public ProgrammeRules(IEnumerable<ServiceTypeDefinition> catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        foreach (var definition in catalogue)
        {
            if (!_catalogue.TryAdd(definition.Type, definition))
            {
                throw new ArgumentException($"Service type {definition.Type} appears twice in the catalogue.", nameof(catalogue));
            }

            foreach (var limit in definition.Limits)
            {
                if (CatalogueLimits.Problem(definition, limit) is { } problem)
                {
                    throw new ArgumentException($"Service limit '{limit.Code}' of {definition.Type} {problem}.", nameof(catalogue));
                }
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
        if (definition is not null)
        {
            // The remaining rules need a sound period, an age on it and the service's limits.
            CheckProvider(candidate, facts.Provider, Fail);
            CheckFunding(candidate, facts.EsfProjects, Fail);
            CheckLimits(candidate, definition, facts, Fail);
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

    private static void CheckFunding(
        ServiceRecordCandidate candidate,
        IReadOnlyDictionary<string, InclusivePeriod> esfProjects,
        Action<string, string> fail)
    {
        var code = candidate.EsfProjectCode;
        if (candidate.FundingSource != FundingSource.EsfProject)
        {
            if (!string.IsNullOrWhiteSpace(code))
            {
                fail(EsfProjectCodeNotExpected, "Only an ESF-funded record names an ESF project.");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            fail(EsfProjectCodeMissing, "An ESF-funded record must name its ESF project.");
        }
        else if (!esfProjects.TryGetValue(code, out var projectPeriod))
        {
            fail(EsfProjectUnknown, "The ESF project is not known.");
        }
        else if (!projectPeriod.Covers(candidate.Period))
        {
            fail(EsfOutsideProjectPeriod, "The period is not wholly inside the ESF project's period.");
        }
    }

    private static void CheckLimits(
        ServiceRecordCandidate candidate,
        ServiceTypeDefinition definition,
        ProgrammeFacts facts,
        Action<string, string> fail)
    {
        var ageOnFirstDay = PersonAge.YearsOn(candidate.ClientBirthDate, candidate.Period.FirstDay);
        var ageOnLastDay = PersonAge.YearsOn(candidate.ClientBirthDate, candidate.Period.LastDay);
        var crossedBoundaries = new HashSet<LimitPeriod>();
        foreach (var limit in definition.Limits)
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
