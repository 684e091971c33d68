using System.Numerics;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;

namespace DeinstGateway.Core.Tests.ServiceRecords;

public sealed class FundingSplitTests
{
    /// <summary>The DI projects' split: 85 % ESF, 15 % state budget, no municipal co-financing.</summary>
    private static readonly FundingShares EsfAndState = new(8_500, 1_500, 0);

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
        var parts = FundingSplit.Split(total, EsfAndState);

        // Assert
        Assert.Equal(new FundingParts(esf, stateBudget, 0), parts);
    }

    [Fact]
    public void Split_LargestLong_DoesNotOverflow()
    {
        // Act
        var (esf, stateBudget, _) = FundingSplit.Split(long.MaxValue, EsfAndState);

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
        Action split = () => FundingSplit.Split(total, EsfAndState);

        // Assert
        Assert.Throws<ArgumentOutOfRangeException>(split);
    }

    [Fact]
    public void Split_TenThousandRandomAmounts_PartsSumToTotalWithEsfRoundedDown()
    {
        // Arrange
        var amounts = RandomAmounts();

        // Act
        var parts = amounts.Select(a => FundingSplit.Split(a, EsfAndState)).ToList();

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
        var lines = FundingSplit.SplitForReport(amounts, EsfAndState);

        // Assert
        Assert.Equal(amounts.Count, lines.Count);
        var esfTotal = lines.Sum(l => l.Esf);
        var stateBudgetTotal = lines.Sum(l => l.StateBudget);
        Assert.Equal(sum, esfTotal + stateBudgetTotal);
        Assert.Equal(FundingSplit.Split(sum, EsfAndState), new FundingParts(esfTotal, stateBudgetTotal, 0));
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
        var lines = FundingSplit.SplitForReport(amounts, EsfAndState);

        // Assert
        Assert.Equal([new(0, 1, 0), new(1, 0, 0), new FundingParts(1, 0, 0)], lines);
        Assert.Equal(new FundingParts(2, 1, 0), FundingSplit.Split(3, EsfAndState));
        Assert.Equal(0, amounts.Select(a => FundingSplit.Split(a, EsfAndState)).Sum(p => p.Esf));
    }

    [Fact]
    public void SplitForReport_OrderReversed_SameTotals()
    {
        // Arrange
        var amounts = RandomAmounts();
        var reversed = amounts.AsEnumerable().Reverse().ToList();

        // Act
        var forwards = FundingSplit.SplitForReport(amounts, EsfAndState);
        var backwards = FundingSplit.SplitForReport(reversed, EsfAndState);

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
        var lines = FundingSplit.SplitForReport(amounts, EsfAndState);

        // Assert
        Assert.All(lines, l => Assert.Equal(long.MaxValue, l.Esf + l.StateBudget));
        Assert.All(lines, l => AssertEsfWithinOneCentOf85Percent(long.MaxValue, l.Esf));
    }

    [Fact]
    public void SplitForReport_NoRecords_NoLines()
    {
        // Act
        var lines = FundingSplit.SplitForReport([], EsfAndState);

        // Assert
        Assert.Empty(lines);
    }

    [Fact]
    public void SplitForReport_OneNegativeAmount_ThrowsArgumentOutOfRange()
    {
        // Arrange
        long[] amounts = [100, 250, -1, 300];

        // Act
        var split = () => FundingSplit.SplitForReport(amounts, EsfAndState);

        // Assert
        var error = Assert.Throws<ArgumentOutOfRangeException>(split);
        Assert.Equal("totalsCents", error.ParamName);
    }

    public static TheoryData<int, int, int> Splits => new()
    {
        { 8_500, 1_500, 0 }, // the DI projects and the individual-budget pilot
        { 8_500, 1_000, 500 }, // a split with municipal co-financing
        { 3_333, 3_333, 3_334 }, // thirds: rounding in every part
        { 10_000, 0, 0 },
        { 0, 0, 10_000 },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void SplitForReport_RandomAmountsUnderEachSplit_PartsEqualAnIndependentComputationOfTheTotal(int esf, int state, int municipal)
    {
        // Arrange
        var shares = new FundingShares(esf, state, municipal);
        var amounts = RandomAmounts();

        // Act
        var lines = FundingSplit.SplitForReport(amounts, shares);

        // Assert: the report's parts are the split of its total, computed here in BigInteger.
        BigInteger total = amounts.Aggregate(BigInteger.Zero, (sum, a) => sum + a);
        var expectedEsf = total * esf / FundingShares.Whole;
        var rest = total - expectedEsf;
        var expectedState = state + municipal == 0 ? rest : rest * state / (state + municipal);
        Assert.Equal(expectedEsf, lines.Aggregate(BigInteger.Zero, (sum, l) => sum + l.Esf));
        Assert.Equal(expectedState, lines.Aggregate(BigInteger.Zero, (sum, l) => sum + l.StateBudget));
        Assert.Equal(total - expectedEsf - expectedState, lines.Aggregate(BigInteger.Zero, (sum, l) => sum + l.Municipal));
        for (var i = 0; i < amounts.Count; i++)
        {
            var line = lines[i];
            Assert.Equal(amounts[i], line.Esf + line.StateBudget + line.Municipal);
            Assert.True(line.Esf >= 0 && line.StateBudget >= 0 && line.Municipal >= 0, $"A part of {amounts[i]} is negative: {line}.");
            AssertWithinCents(amounts[i], esf, line.Esf, 1);
            AssertWithinCents(amounts[i], state, line.StateBudget, 2);
        }
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

    /// <summary>|part − amount × basisPoints / 10,000| &lt; cents, computed exactly.</summary>
    private static void AssertWithinCents(long amount, int basisPoints, long part, int cents)
    {
        var exact = (Int128)amount * basisPoints;
        var difference = (Int128)part * FundingShares.Whole - exact;
        Assert.True(Int128.Abs(difference) < (Int128)cents * FundingShares.Whole, $"{part} of {amount} is {cents} cents or more from {basisPoints} basis points.");
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
