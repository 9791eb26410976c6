using FedChain.Learning.Contribution;

namespace FedChain.Learning.Tests.Contribution;

public sealed class ExactShapleyTests
{
    [Fact]
    public void Compute_AdditiveGame_GivesEachMemberItsOwnValue()
    {
        var sut = ExactShapley.Compute(Games.Additive(0.1, -0.02, 0.03, 0, 0.5), 5);

        Assert.Equal([100_000_000, -20_000_000, 30_000_000, 0, 500_000_000], sut);
    }

    [Fact]
    public void Compute_GloveGame_MatchesTheTextbookValues()
    {
        // U(S) = 1 when S holds member 0 and at least one of 1 and 2: Shapley (2/3, 1/6, 1/6).
        var game = Games.Of(3, s => s.Contains(0) && (s.Contains(1) || s.Contains(2)) ? 1 : 0);

        var sut = ExactShapley.Compute(game, 3);

        Assert.Equal([666_666_667, 166_666_667, 166_666_667], sut);
    }

    [Fact]
    public void Compute_SymmetricAndDummyMembers_ShareEquallyAndGetZero()
    {
        // Members 0 and 1 are interchangeable; member 2 never changes U.
        var game = Games.Of(3, s => (s.Contains(0) ? 0.3 : 0) + (s.Contains(1) ? 0.3 : 0) + (s.Contains(0) && s.Contains(1) ? -0.1 : 0));

        var sut = ExactShapley.Compute(game, 3);

        Assert.Equal(sut[0], sut[1]);
        Assert.Equal(0, sut[2]);
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(7, 2)]
    [InlineData(8, 3)]
    public void Compute_AnyGame_AddsUpToTheRoundsGain(int members, int seed)
    {
        var game = Games.Saturating(members, seed);

        var sut = ExactShapley.Compute(game, members);

        // Efficiency (Shapley 1953), up to one rounding per member.
        var gain = game[Coalition.All(members)] - game[Coalition.Empty];
        Assert.InRange(sut.Sum() - gain, -members, members);
    }
}
