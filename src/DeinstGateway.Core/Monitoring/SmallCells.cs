namespace DeinstGateway.Core.Monitoring;

/// <summary>One cell of a statistics table: a period, an area and a key (what is counted), each a label.</summary>
public readonly record struct Cell(string Period, string Area, string Key);

/// <summary>What a cell adds up: people or records counted, and (for services) quantity and cost.</summary>
public readonly record struct Tally(long Count, long Quantity = 0, long Cents = 0)
{
    public static Tally operator +(Tally left, Tally right) =>
        new(left.Count + right.Count, left.Quantity + right.Quantity, left.Cents + right.Cents);
}

/// <summary>A cell as published: its tally, or withheld.</summary>
public sealed record Figure(Tally Tally, bool Suppressed);

/// <summary>
/// How the labels of each dimension roll up: a month into its quarter and year, a municipality
/// into its region and the country, a rejection reason into "rejected". Null above the top.
/// </summary>
public sealed record Hierarchy(Func<string, string?> Period, Func<string, string?> Area, Func<string, string?> Key);

/// <summary>
/// Small-cell suppression over a hierarchical table. The table holds every cell the hierarchy
/// makes of the finest cells (each the sum of the finest cells below it), so a cell's value is
/// the same in every answer that shows it. Primary: a count of 1 to 4, or a finest cell marked
/// sensitive, is withheld. Secondary: every cell equals the sum of its children along each
/// dimension; wherever such a sum has exactly one withheld member, it could be worked out from the
/// others, so the smallest other non-zero child (or, failing one, the total) is withheld too, until
/// no sum has exactly one. Tables are always built nationwide over whole years and only then cut
/// to the caller's scope, so two callers, or two queries, see the same pattern.
/// </summary>
public static class SmallCells
{
    /// <summary>Counts below this (and above zero) are withheld: "&lt;5".</summary>
    public const long Threshold = 5;

    public static IReadOnlyDictionary<Cell, Figure> Publish(
        IReadOnlyDictionary<Cell, Tally> finest, Hierarchy hierarchy, IReadOnlySet<Cell>? sensitive = null)
    {
        var cells = new Dictionary<Cell, Tally>();
        foreach (var (cell, tally) in finest)
        {
            foreach (var period in Chain(cell.Period, hierarchy.Period))
            {
                foreach (var area in Chain(cell.Area, hierarchy.Area))
                {
                    foreach (var key in Chain(cell.Key, hierarchy.Key))
                    {
                        var at = new Cell(period, area, key);
                        cells[at] = cells.GetValueOrDefault(at) + tally;
                    }
                }
            }
        }

        var withheld = cells
            .Where(c => c.Value.Count is > 0 and < Threshold || (sensitive?.Contains(c.Key) ?? false))
            .Select(c => c.Key)
            .ToHashSet();
        var sums = Sums(cells, hierarchy);
        bool added;
        do
        {
            added = false;
            foreach (var (total, parts) in sums)
            {
                if (withheld.Contains(total) ? parts.Any(withheld.Contains) : parts.Count(withheld.Contains) != 1)
                {
                    continue;
                }

                var partner = parts.Where(p => !withheld.Contains(p)).Select(p => (Cell?)p).FirstOrDefault() ?? total;
                added |= withheld.Add(partner);
            }
        }
        while (added);

        return cells.ToDictionary(c => c.Key, c => new Figure(c.Value, withheld.Contains(c.Key)));
    }

    /// <summary>
    /// Every additive relation of the table: a total and its non-zero children along one dimension,
    /// the children smallest first (the cheapest partner to withhold), in a fixed order.
    /// </summary>
    private static List<(Cell Total, List<Cell> Parts)> Sums(Dictionary<Cell, Tally> cells, Hierarchy hierarchy)
    {
        var sums = new Dictionary<(Cell Total, int Dimension), List<Cell>>();
        foreach (var (cell, tally) in cells)
        {
            if (tally.Count == 0)
            {
                continue;
            }

            if (hierarchy.Period(cell.Period) is { } period)
            {
                Part((cell with { Period = period }, 0), cell);
            }

            if (hierarchy.Area(cell.Area) is { } area)
            {
                Part((cell with { Area = area }, 1), cell);
            }

            if (hierarchy.Key(cell.Key) is { } key)
            {
                Part((cell with { Key = key }, 2), cell);
            }
        }

        return sums
            .OrderBy(s => Label(s.Key.Total), StringComparer.Ordinal)
            .ThenBy(s => s.Key.Dimension)
            .Select(s => (s.Key.Total, s.Value.OrderBy(c => cells[c].Count).ThenBy(Label, StringComparer.Ordinal).ToList()))
            .ToList();

        void Part((Cell, int) sum, Cell part)
        {
            if (!sums.TryGetValue(sum, out var parts))
            {
                sums[sum] = parts = [];
            }

            parts.Add(part);
        }
    }

    private static string Label(Cell cell) => cell.Period + "\u0001" + cell.Area + "\u0001" + cell.Key;

    private static IEnumerable<string> Chain(string label, Func<string, string?> parent)
    {
        for (string? at = label; at is not null; at = parent(at))
        {
            yield return at;
        }
    }
}
