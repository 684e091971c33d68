using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.ServiceRecords;

/// <summary>
/// Splits the cost of a project's service records by the project's <see cref="FundingShares"/>
/// (e.g. 85 % ESF, 15 % state budget, 0 % municipal) in whole euro cents, with integer arithmetic
/// only (products are taken in <see cref="Int128"/>, so no amount a <see cref="long"/> can hold
/// overflows and no floating-point rounding enters).
/// <para>
/// One amount (<see cref="Split"/>): ESF = floor(total × esf / 10,000); of the rest R = total − ESF,
/// the state budget gets floor(R × state / (state + municipal)) and the municipal budget the rest
/// (all of R to the state budget when both shares are zero, which only a 100 % ESF project has).
/// The parts always sum to the total, and ESF and the state budget never get more than their share:
/// a fraction of a cent goes down the line, to the state budget, then the municipality.
/// </para>
/// <para>
/// A report (<see cref="SplitForReport"/>): flooring every record on its own and summing would
/// move up to one cent per record from the ESF to the state budget (three records of 1 cent give
/// ESF 0 + 0 + 0, but 85 % of 3 cents is 2 cents), so a report's ESF total would drift from its share
/// as records accumulate. The report instead splits the running total: the records are taken in the
/// report's order and record i gets, for each part, the part of Cᵢ minus the part of Cᵢ₋₁, where Cᵢ is
/// the sum of the first i totals. Each part of <see cref="Split"/> grows with the total (R does,
/// because ESF grows by at most the amount added), so every record's parts are non-negative and sum
/// to its total, and the sums telescope: the report's parts are exactly <see cref="Split"/> of the
/// report's total. Which record receives a rounding cent depends on the order, so a report orders
/// its records by a stable key (e.g. the record's identifier) to give the same lines when run again;
/// its totals do not depend on the order. A report that shows several groups (per project) applies
/// the rule to each group whose total it states as a split.
/// </para>
/// </summary>
public static class FundingSplit
{
    /// <summary>Splits one non-negative amount; throws <see cref="ArgumentOutOfRangeException"/> for a negative one, since costs are never negative.</summary>
    public static FundingParts Split(long totalCents, FundingShares shares)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalCents);
        var (esf, stateBudget) = Cumulative(totalCents, shares);
        return new FundingParts((long)esf, (long)stateBudget, totalCents - (long)esf - (long)stateBudget);
    }

    /// <summary>
    /// Splits the records of one report in the given order so that the parts sum to
    /// <see cref="Split"/> of the summed total (see the class summary). Throws
    /// <see cref="ArgumentOutOfRangeException"/> if any amount is negative, before returning anything.
    /// </summary>
    public static IReadOnlyList<FundingParts> SplitForReport(IEnumerable<long> totalsCents, FundingShares shares)
    {
        ArgumentNullException.ThrowIfNull(totalsCents);
        ArgumentNullException.ThrowIfNull(shares);
        var amounts = totalsCents.ToList();
        foreach (var total in amounts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(total, nameof(totalsCents));
        }

        var running = new Running(shares);
        return amounts.Select(running.Next).ToList();
    }

    /// <summary>
    /// The report's split one record at a time, in the report's order (see the class summary), so
    /// that a report streams its records instead of holding them.
    /// </summary>
    public sealed class Running(FundingShares shares)
    {
        // The running total lives in Int128: thousands of amounts near long.MaxValue cannot overflow it.
        private Int128 _total;
        private (Int128 Esf, Int128 StateBudget) _before;

        /// <summary>The next record's parts; throws <see cref="ArgumentOutOfRangeException"/> for a negative amount.</summary>
        public FundingParts Next(long totalCents)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(totalCents);
            _total += totalCents;
            var after = Cumulative(_total, shares);
            var esf = (long)(after.Esf - _before.Esf);
            var stateBudget = (long)(after.StateBudget - _before.StateBudget);
            _before = after;
            return new FundingParts(esf, stateBudget, totalCents - esf - stateBudget);
        }
    }

    // Integer division truncates towards zero, which is the floor for the non-negative amounts allowed here.
    private static (Int128 Esf, Int128 StateBudget) Cumulative(Int128 totalCents, FundingShares shares)
    {
        var esf = totalCents * shares.EsfBasisPoints / FundingShares.Whole;
        var rest = totalCents - esf;
        var otherShares = shares.StateBudgetBasisPoints + shares.MunicipalBasisPoints;
        var stateBudget = otherShares == 0 ? rest : rest * shares.StateBudgetBasisPoints / otherShares;
        return (esf, stateBudget);
    }
}

/// <summary>An amount's parts in euro cents; they sum to the amount.</summary>
public readonly record struct FundingParts(long Esf, long StateBudget, long Municipal);
