using FedChain.Learning.Privacy.Accounting;

namespace FedChain.Learning.Tests.Privacy.Accounting;

public sealed class NoiseMultiplierSearchTests
{
    [Theory]
    [InlineData(1.0, EpsilonConversion.Improved)]
    [InlineData(3.0, EpsilonConversion.Improved)]
    [InlineData(8.0, EpsilonConversion.Classic)]
    public void ForTargetEpsilon_Found_MeetsTheTargetAndIsTight(double target, EpsilonConversion conversion)
    {
        var sigma = NoiseMultiplierSearch.ForTargetEpsilon(target, 0.01, 2000, 1e-5, conversion);

        Assert.True(RdpAccountant.Epsilon(0.01, sigma, 2000, 1e-5, conversion) <= target);
        // 0.1% less noise already overshoots: the search found the edge.
        Assert.True(RdpAccountant.Epsilon(0.01, sigma * 0.999, 2000, 1e-5, conversion) > target);
    }

    [Fact]
    public void ForTargetEpsilon_PublishedExample_InvertsToSigmaOnePointOne()
    {
        var sigma = NoiseMultiplierSearch.ForTargetEpsilon(3.008272082533034, 256.0 / 60000, 14062, 1e-5, EpsilonConversion.Classic);

        Assert.Equal(1.1, sigma, 0.001);
    }

    [Fact]
    public void ForTargetEpsilon_Unreachable_ThrowsNamingTheTarget()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => NoiseMultiplierSearch.ForTargetEpsilon(1e-9, 1.0, 1_000_000, 1e-5));

        Assert.Equal("targetEpsilon", error.ParamName);
    }
}
