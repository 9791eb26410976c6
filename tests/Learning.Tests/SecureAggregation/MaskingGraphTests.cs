using System.Security.Cryptography;
using FedChain.Learning.SecureAggregation;
using static FedChain.Learning.Tests.SecureAggregation.SecAggTestRounds;

namespace FedChain.Learning.Tests.SecureAggregation;

public sealed class MaskingGraphTests
{
    [Fact]
    public void Harary_EveryMember_HasKNeighboursSymmetrically()
    {
        var sut = new MaskingGraph(Parameters(20, 5, 1, neighbours: 8));

        for (var u = 1; u <= 20; u++)
        {
            Assert.Equal(8, sut.NeighboursOf(u).Count);
            Assert.DoesNotContain(u, sut.NeighboursOf(u));
            Assert.All(sut.NeighboursOf(u), v => Assert.Contains(u, sut.NeighboursOf(v)));
        }
    }

    [Fact]
    public void Harary_SameRound_SameGraphEverywhere_OtherRound_OtherGraph()
    {
        var parameters = Parameters(20, 5, 1, neighbours: 8);
        var first = new MaskingGraph(parameters);
        var again = new MaskingGraph(parameters);
        var other = new MaskingGraph(parameters with { RoundId = SHA256.HashData("another round"u8) });

        Assert.All(Enumerable.Range(1, 20), u => Assert.True(first.NeighboursOf(u).SetEquals(again.NeighboursOf(u))));
        Assert.Contains(Enumerable.Range(1, 20), u => !first.NeighboursOf(u).SetEquals(other.NeighboursOf(u)));
    }

    [Theory]
    [InlineData(5, 2, null, "Threshold")] // 2 of 5 holders is not a majority
    [InlineData(5, 6, null, "Threshold")]
    [InlineData(10, 3, 5, "Neighbours")] // odd degree
    public void Validate_BadParameters_NamesTheParameter(int members, int threshold, int? neighbours, string parameter)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Parameters(members, threshold, 1, neighbours).Validate());

        Assert.Equal(parameter, error.ParamName);
    }
}
