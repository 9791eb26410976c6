using FedChain.Learning.Contribution;

namespace FedChain.Learning.Tests.Contribution;

public sealed class ScoreUnitsTests
{
    [Theory]
    [InlineData(7, 2, 4)]
    [InlineData(-7, 2, -4)]
    [InlineData(5, 3, 2)]
    [InlineData(-5, 3, -2)]
    [InlineData(4, 3, 1)]
    [InlineData(0, 9, 0)]
    public void Divide_RoundsToNearest_HalvesAwayFromZero(long numerator, long denominator, long expected)
    {
        Assert.Equal(expected, ScoreUnits.Divide(numerator, denominator));
    }

    [Fact]
    public void FromDouble_ScalesByABillion_AndRefusesNaN()
    {
        Assert.Equal(812_500_000, ScoreUnits.FromDouble(0.8125));
        Assert.Equal(-1, ScoreUnits.FromDouble(-1e-9));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreUnits.FromDouble(double.NaN));
    }
}
