namespace DeinstGateway.Core.ServiceRecords;

/// <summary>
/// Splits the cost of ESF-funded service records between the European Social Fund (85 %) and the
/// state budget (15 %) in whole euro cents, with integer arithmetic only (the product is taken in
/// <see cref="Int128"/>, so no amount a <see cref="long"/> can hold overflows and no floating-point
/// rounding enters).
/// <para>
/// One amount (<see cref="Split"/>): ESF = floor(total × 85 / 100); the state budget gets the
/// rest, total − ESF. The two parts therefore always sum to the total, and the ESF part is never
/// more than 85 %: the fraction of a cent that cannot be paid goes to the state budget.
/// </para>
/// <para>
/// A report (<see cref="SplitForReport"/>): flooring every record on its own and summing would
/// move up to one cent per record from the ESF to the state budget (three records of 1 cent give
/// ESF 0 + 0 + 0, but 85 % of 3 cents is 2 cents), so a report's ESF total would drift from 85 % of
/// its total as records accumulate. The report instead floors the running total: the records are
/// taken in the report's order and record i gets ESF = floor(Cᵢ × 85 / 100) − floor(Cᵢ₋₁ × 85 / 100),
/// where Cᵢ is the sum of the first i totals. The sum telescopes, so the report's ESF total is exactly
/// <see cref="Split"/> of the report's total, every record's parts still sum to its own total, and
/// every record's ESF part is its exact 85 % rounded down or up (never further off than one cent).
/// Which record receives a rounding cent depends on the order, so a report must order its records
/// by a stable key (e.g. the record's identifier) to give the same lines when run again; its totals
/// do not depend on the order. A report that shows several groups (per project, per quarter) applies
/// the rule to each group whose total it states as a split.
/// </para>
/// </summary>
public static class FundingSplit
{
    public const int EsfPercent = 85;

    /// <summary>Splits one non-negative amount; throws <see cref="ArgumentOutOfRangeException"/> for a negative one, since costs are never negative.</summary>
    public static (long Esf, long StateBudget) Split(long totalCents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalCents);
        var esf = (long)EsfShare(totalCents);
        return (esf, totalCents - esf);
    }

    /// <summary>
    /// Splits the records of one report in the given order so that the ESF parts sum to
    /// <see cref="Split"/> of the summed total (see the class summary). Throws
    /// <see cref="ArgumentOutOfRangeException"/> if any amount is negative, before returning anything.
    /// </summary>
    public static IReadOnlyList<(long Esf, long StateBudget)> SplitForReport(IEnumerable<long> totalsCents)
    {
        ArgumentNullException.ThrowIfNull(totalsCents);
        var amounts = totalsCents.ToList();
        foreach (var total in amounts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(total, nameof(totalsCents));
        }

        var running = new Running();
        return amounts.Select(running.Next).ToList();
    }

    /// <summary>
    /// The report's split one record at a time, in the report's order (see the class summary), so
    /// that a report streams its records instead of holding them.
    /// </summary>
    public sealed class Running
    {
        // The running total lives in Int128: thousands of amounts near long.MaxValue cannot overflow it.
        private Int128 _total;
        private Int128 _esf;

        /// <summary>The next record's parts; throws <see cref="ArgumentOutOfRangeException"/> for a negative amount.</summary>
        public (long Esf, long StateBudget) Next(long totalCents)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(totalCents);
            _total += totalCents;
            var esfSoFar = EsfShare(_total);
            var esf = (long)(esfSoFar - _esf);
            _esf = esfSoFar;
            return (esf, totalCents - esf);
        }
    }

    // Integer division truncates towards zero, which is the floor for the non-negative amounts allowed here.
    private static Int128 EsfShare(Int128 totalCents) => totalCents * EsfPercent / 100;
}
