using Deinst.V1;

namespace DeinstGateway.Server.Tests.Monitoring;

/// <summary>
/// A reader's attack on withheld cells: a shown total minus its other shown parts. For every sum
/// the rows make — a region of its municipalities (or care institutions), the country of its
/// regions, a quarter of its months and a year of its quarters (for flows), all rejected transfers
/// of their reasons — the total and its non-zero parts must have no withheld member, or at least two.
/// </summary>
public static class Differencing
{
    public static void AssertNoSumRevealsAWithheldPart(IReadOnlyCollection<Published> rows, bool flows)
    {
        var byCell = rows.ToDictionary(r => (r.Level, r.Period, r.Region, r.Area, r.Key));
        var sums = new Dictionary<(PeriodGranularity, DateOnly, string, string, string), List<Published>>();
        foreach (var row in rows)
        {
            if (row.Area.Length > 0)
            {
                Part(sums, (row.Level, row.Period, row.Region, string.Empty, row.Key), row);
            }
            else if (row.Region.Length > 0)
            {
                Part(sums, (row.Level, row.Period, string.Empty, string.Empty, row.Key), row);
            }

            if (flows && row.Level != PeriodGranularity.Year)
            {
                var coarser = row.Level == PeriodGranularity.Month ? PeriodGranularity.Quarter : PeriodGranularity.Year;
                if (rows.Any(r => r.Level == coarser))
                {
                    Part(sums, (coarser, Expected.PeriodOf(row.Period, coarser), row.Region, row.Area, row.Key), row);
                }
            }

            if (row.Key.Count(c => c == '/') == 2 && row.Key.Contains(TransferState.Rejected.ToString(), StringComparison.Ordinal))
            {
                Part(sums, (row.Level, row.Period, row.Region, row.Area, row.Key[..row.Key.LastIndexOf('/')]), row);
            }
        }

        foreach (var (total, parts) in sums)
        {
            Assert.True(byCell.TryGetValue(total, out var shown), $"The parts {string.Join(", ", parts)} have no total row.");
            var withheld = parts.Append(shown).Count(p => p.Count is null);
            Assert.True(withheld != 1, $"{shown} = the sum of {string.Join(", ", parts)}: its one withheld member can be worked out.");
        }
    }

    private static void Part(
        Dictionary<(PeriodGranularity, DateOnly, string, string, string), List<Published>> sums,
        (PeriodGranularity, DateOnly, string, string, string) total,
        Published part)
    {
        if (!sums.TryGetValue(total, out var parts))
        {
            sums[total] = parts = [];
        }

        parts.Add(part);
    }
}
