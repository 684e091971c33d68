using DeinstGateway.Core.ServiceRecords;

namespace DeinstGateway.Core.Tests.ServiceRecords;

public sealed class FundingSplitTests
{
    private const int Seed = 20_261_123;
    private const int AmountCount = 10_000;
    private const long LargestAmount = 1_000_000_000_000;

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 0, 1)]
    [InlineData(2, 1, 1)]
    [InlineData(3, 2, 1)]
    [InlineData(7, 5, 2)]
    [InlineData(100, 85, 15)]
    [InlineData(101, 85, 16)]
    [InlineData(999, 849, 150)]
    [InlineData(LargestAmount, 850_000_000_000, 150_000_000_000)]
    [InlineData(LargestAmount - 1, 849_999_999_999, 150_000_000_000)]
    public void Split_KnownAmounts_EsfRoundedDownAndStateBudgetGetsTheRest(long total, long esf, long stateBudget)
    {
        // Act
        var parts = FundingSplit.Split(total);

        // Assert
        Assert.Equal((esf, stateBudget), parts);
    }

    [Fact]
    public void Split_LargestLong_DoesNotOverflow()
    {
        // Act
        var (esf, stateBudget) = FundingSplit.Split(long.MaxValue);

        // Assert
        Assert.Equal(long.MaxValue, esf + stateBudget);
        AssertEsfIsFloorOf85Percent(long.MaxValue, esf);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void Split_NegativeAmount_ThrowsArgumentOutOfRange(long total)
    {
        // Act
        Action split = () => FundingSplit.Split(total);

        // Assert
        Assert.Throws<ArgumentOutOfRangeException>(split);
    }

    [Fact]
    public void Split_TenThousandRandomAmounts_PartsSumToTotalWithEsfRoundedDown()
    {
        // Arrange
        var amounts = RandomAmounts();

        // Act
        var parts = amounts.Select(FundingSplit.Split).ToList();

        // Assert
        for (var i = 0; i < amounts.Count; i++)
        {
            Assert.Equal(amounts[i], parts[i].Esf + parts[i].StateBudget);
            AssertEsfIsFloorOf85Percent(amounts[i], parts[i].Esf);
        }
    }

    [Fact]
    public void SplitForReport_TenThousandRandomAmounts_TotalsEqualTheSplitOfTheSum()
    {
        // Arrange
        var amounts = RandomAmounts();
        var sum = amounts.Sum();

        // Act
        var lines = FundingSplit.SplitForReport(amounts);

        // Assert
        Assert.Equal(amounts.Count, lines.Count);
        var esfTotal = lines.Sum(l => l.Esf);
        var stateBudgetTotal = lines.Sum(l => l.StateBudget);
        Assert.Equal(sum, esfTotal + stateBudgetTotal);
        Assert.Equal(FundingSplit.Split(sum), (esfTotal, stateBudgetTotal));
        for (var i = 0; i < amounts.Count; i++)
        {
            Assert.Equal(amounts[i], lines[i].Esf + lines[i].StateBudget);
            AssertEsfWithinOneCentOf85Percent(amounts[i], lines[i].Esf);
        }
    }

    [Fact]
    public void SplitForReport_ThreeOneCentRecords_EsfTotalIsTwoCentsWherePerRecordFloorsGiveNone()
    {
        // Arrange
        long[] amounts = [1, 1, 1];

        // Act
        var lines = FundingSplit.SplitForReport(amounts);

        // Assert
        Assert.Equal([(0L, 1L), (1L, 0L), (1L, 0L)], lines);
        Assert.Equal((2L, 1L), FundingSplit.Split(3));
        Assert.Equal(0, amounts.Select(FundingSplit.Split).Sum(p => p.Esf));
    }

    [Fact]
    public void SplitForReport_OrderReversed_SameTotals()
    {
        // Arrange
        var amounts = RandomAmounts();
        var reversed = amounts.AsEnumerable().Reverse().ToList();

        // Act
        var forwards = FundingSplit.SplitForReport(amounts);
        var backwards = FundingSplit.SplitForReport(reversed);

        // Assert
        Assert.Equal(forwards.Sum(l => l.Esf), backwards.Sum(l => l.Esf));
        Assert.Equal(forwards.Sum(l => l.StateBudget), backwards.Sum(l => l.StateBudget));
    }

    [Fact]
    public void SplitForReport_ManyLargestLongs_DoesNotOverflow()
    {
        // Arrange
        var amounts = Enumerable.Repeat(long.MaxValue, 1_000).ToList();

        // Act
        var lines = FundingSplit.SplitForReport(amounts);

        // Assert
        Assert.All(lines, l => Assert.Equal(long.MaxValue, l.Esf + l.StateBudget));
        Assert.All(lines, l => AssertEsfWithinOneCentOf85Percent(long.MaxValue, l.Esf));
    }

    [Fact]
    public void SplitForReport_NoRecords_NoLines()
    {
        // Act
        var lines = FundingSplit.SplitForReport([]);

        // Assert
        Assert.Empty(lines);
    }

    [Fact]
    public void SplitForReport_OneNegativeAmount_ThrowsArgumentOutOfRange()
    {
        // Arrange
        long[] amounts = [100, 250, -1, 300];

        // Act
        var split = () => FundingSplit.SplitForReport(amounts);

        // Assert
        var error = Assert.Throws<ArgumentOutOfRangeException>(split);
        Assert.Equal("totalsCents", error.ParamName);
    }

    /// <summary>Fixed-seed amounts mixing the edges (0, 1 cent, 10^12) with small, odd and large amounts.</summary>
    private static List<long> RandomAmounts()
    {
        var random = new Random(Seed);
        var amounts = new List<long> { 0, 1, 2, 3, 99, 101, LargestAmount - 1, LargestAmount };
        while (amounts.Count < AmountCount)
        {
            amounts.Add((amounts.Count % 4) switch
            {
                0 => random.NextInt64(0, 100),
                1 => random.NextInt64(0, 500_000) * 2 + 1,
                2 => random.NextInt64(0, 100_000_000),
                _ => random.NextInt64(0, LargestAmount + 1),
            });
        }

        return amounts;
    }

    private static void AssertEsfIsFloorOf85Percent(long total, long esf)
    {
        // 100 × ESF ≤ 85 × total < 100 × (ESF + 1), computed exactly.
        Int128 share = (Int128)total * 85;
        Assert.True((Int128)esf * 100 <= share && share < ((Int128)esf + 1) * 100, $"ESF {esf} of {total} is not 85 % rounded down.");
    }

    private static void AssertEsfWithinOneCentOf85Percent(long total, long esf)
    {
        // ESF is 85 % rounded down or up: 100 × (ESF − 1) < 85 × total < 100 × (ESF + 1).
        Int128 share = (Int128)total * 85;
        Assert.True(((Int128)esf - 1) * 100 < share && share < ((Int128)esf + 1) * 100, $"ESF {esf} of {total} is more than a cent from 85 %.");
    }
}
