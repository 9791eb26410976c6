using FedChain.Learning.Asynchronous;
using FedChain.Learning.Contribution;

namespace FedChain.Learning.Tests.Asynchronous;

public sealed class StalenessWeightTests
{
    [Theory]
    [InlineData(0, 65536)]
    [InlineData(1, 46340)] // floor(65536 / sqrt 2)
    [InlineData(3, 32768)]
    [InlineData(8, 21845)] // floor(65536 / 3)
    [InlineData(99, 6553)] // floor(65536 / 10)
    public void Numerator_IsTheFloorOfTwoToThe16OverSqrtOnePlusStaleness(int staleness, long expected) =>
        Assert.Equal(expected, StalenessWeight.Numerator(staleness));

    [Fact]
    public void Numerator_FallsWithStaleness() =>
        Assert.All(Enumerable.Range(0, 200), s => Assert.True(StalenessWeight.Numerator(s + 1) < StalenessWeight.Numerator(s)));

    [Fact]
    public void Weigh_AtStalenessZero_IsTheUpdateItself()
    {
        var sut = new MemberUpdate([1, unchecked((uint)-5), 7], 30);

        Assert.Same(sut, StalenessWeight.Weigh(sut, 0));
    }

    [Fact]
    public void Weigh_ScalesSignedFixedPointWordsAndSamples_FlooringTheSameOnEveryNode()
    {
        var sut = new MemberUpdate([1000, unchecked((uint)-1000), unchecked((uint)-1), 0], 30);

        var weighed = StalenessWeight.Weigh(sut, 3);

        Assert.Equal([500u, unchecked((uint)-500), unchecked((uint)-1), 0u], weighed.Quantised);
        Assert.Equal(15, weighed.SampleCount);
    }
}
