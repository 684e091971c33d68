namespace DeinstGateway.Core.ServiceRecords;

/// <summary>
/// The days from <see cref="FirstDay"/> to <see cref="LastDay"/>, both included, which is how
/// service records, projects ("1 Jul 2015 – 31 Dec 2022") and support plans state their periods.
/// Registry validity is half-open instead (<see cref="Registry.Institution.IsValidOn"/>); the
/// distinct type keeps the two from being mixed up. A reversed period is representable so that the
/// rules can report it instead of throwing on a caller's input.
/// </summary>
public readonly record struct InclusivePeriod(DateOnly FirstDay, DateOnly LastDay)
{
    public bool EndsBeforeItStarts => LastDay < FirstDay;

    public int DayCount => LastDay.DayNumber - FirstDay.DayNumber + 1;

    public bool Contains(DateOnly day) => FirstDay <= day && day <= LastDay;

    public bool Covers(InclusivePeriod other) => FirstDay <= other.FirstDay && other.LastDay <= LastDay;

    public bool Overlaps(InclusivePeriod other) => FirstDay <= other.LastDay && other.FirstDay <= LastDay;
}
