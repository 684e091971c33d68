using DeinstGateway.Core.Monitoring;

namespace DeinstGateway.Core.Tests.Monitoring;

public sealed class SmallCellsTests
{
    // Two municipalities of one region and a second region, counted in one month.
    private static readonly Dictionary<string, string> Parents = new()
    {
        ["mun-a"] = "pr-x",
        ["mun-b"] = "pr-x",
        ["mun-c"] = "pr-x",
        ["mun-d"] = "pr-y",
        ["pr-x"] = string.Empty,
        ["pr-y"] = string.Empty,
    };

    private static readonly Hierarchy ByArea = new(Periods.Parent, area => area.Length == 0 ? null : Parents[area], _ => null);

    private static readonly string March = Periods.Month(2025, 3);

    [Fact]
    public void Publish_OneSmallMunicipalityInARegion_WithholdsASecondSoTheRegionTotalRevealsNeither()
    {
        // Arrange: 12 + 3 = 15 in the region; without a second withheld cell, 15 − 12 = 3.
        var finest = Cells(("mun-a", 12), ("mun-b", 3), ("mun-d", 20));

        // Act
        var table = SmallCells.Publish(finest, ByArea);

        // Assert
        Assert.True(At(table, "mun-b").Suppressed);
        Assert.True(At(table, "mun-a").Suppressed);
        Assert.False(At(table, "pr-x").Suppressed);
        Assert.Equal(15, At(table, "pr-x").Tally.Count);
    }

    [Fact]
    public void Publish_TheCheapestPartner_IsTheSmallestOtherCell()
    {
        var finest = Cells(("mun-a", 40), ("mun-b", 2), ("mun-c", 6), ("mun-d", 20));

        var table = SmallCells.Publish(finest, ByArea);

        Assert.Equal(
            [("mun-a", false), ("mun-b", true), ("mun-c", true), ("pr-x", false)],
            new[] { "mun-a", "mun-b", "mun-c", "pr-x" }.Select(a => (a, At(table, a).Suppressed)));
    }

    [Fact]
    public void Publish_ASmallRegionTotal_IsWithheldWithAnotherRegionSoTheCountryRevealsNeither()
    {
        // Arrange: the region pr-x adds up to 4 only; the country is 4 + 20.
        var finest = Cells(("mun-a", 1), ("mun-b", 3), ("mun-d", 20));

        // Act
        var table = SmallCells.Publish(finest, ByArea);

        // Assert
        Assert.True(At(table, "pr-x").Suppressed);
        Assert.True(At(table, "pr-y").Suppressed);
        Assert.True(At(table, "mun-d").Suppressed);
        Assert.False(At(table, string.Empty).Suppressed);
    }

    [Fact]
    public void Publish_AMonthWithheldInAYear_IsNotRevealedByTheYearAndItsOtherMonths()
    {
        // Arrange: one municipality, 12 months; March has 2.
        var finest = Enumerable.Range(1, 12).ToDictionary(
            month => new Cell(Periods.Month(2025, month), "mun-d", "k"),
            month => new Tally(month == 3 ? 2 : 10));

        // Act
        var table = SmallCells.Publish(finest, ByArea);

        // Assert: some other month of the first quarter is withheld too, and the quarter then shows.
        var quarter = Enumerable.Range(1, 3).Select(m => table[new Cell(Periods.Month(2025, m), "mun-d", "k")].Suppressed).ToList();
        Assert.Equal(2, quarter.Count(withheld => withheld));
        Assert.False(table[new Cell(Periods.Label(new DateOnly(2025, 1, 1), PeriodGranularity.Year), "mun-d", "k")].Suppressed);
    }

    [Fact]
    public void Publish_ASensitiveCellWithAManyRecords_IsWithheld()
    {
        var finest = Cells(("mun-a", 30), ("mun-b", 30), ("mun-d", 30));

        var table = SmallCells.Publish(finest, ByArea, new HashSet<Cell> { new(March, "mun-b", "k") });

        Assert.True(At(table, "mun-b").Suppressed);
        Assert.True(At(table, "mun-a").Suppressed);
        Assert.False(At(table, "pr-x").Suppressed);
    }

    [Fact]
    public void Publish_RandomTables_NeverShowASmallCountNorASumMissingOnlyOneWithheldPart()
    {
        var random = new Random(20_261_204);
        for (var round = 0; round < 200; round++)
        {
            var finest = new Dictionary<Cell, Tally>();
            foreach (var month in Enumerable.Range(1, 12))
            {
                foreach (var area in new[] { "mun-a", "mun-b", "mun-c", "mun-d" })
                {
                    if (random.Next(3) > 0)
                    {
                        finest[new Cell(Periods.Month(2025, month), area, "k")] = new Tally(random.Next(1, 12));
                    }
                }
            }

            var table = SmallCells.Publish(finest, ByArea);

            Assert.DoesNotContain(table.Values, f => !f.Suppressed && f.Tally.Count is > 0 and < SmallCells.Threshold);
            foreach (var (total, parts) in Sums(table))
            {
                Assert.NotEqual(1, parts.Append(total).Count(c => table[c].Suppressed));
            }
        }
    }

    private static IEnumerable<(Cell Total, List<Cell> Parts)> Sums(IReadOnlyDictionary<Cell, Figure> table) =>
        table.Keys
            .Where(c => table[c].Tally.Count > 0)
            .SelectMany(c => new[]
            {
                Parents.TryGetValue(c.Area, out var area) ? c with { Area = area } : (Cell?)null,
                Periods.Parent(c.Period) is { } period ? c with { Period = period } : null,
            }.OfType<Cell>().Select(total => (Total: total, Part: c)))
            .GroupBy(x => x.Total, x => x.Part)
            .Select(g => (g.Key, g.ToList()));

    private static Dictionary<Cell, Tally> Cells(params (string Area, long Count)[] cells) =>
        cells.ToDictionary(c => new Cell(March, c.Area, "k"), c => new Tally(c.Count));

    private static Figure At(IReadOnlyDictionary<Cell, Figure> table, string area) => table[new Cell(March, area, "k")];
}
