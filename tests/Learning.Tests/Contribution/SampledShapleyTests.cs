using FedChain.Learning.Contribution;
using Xunit.Abstractions;

namespace FedChain.Learning.Tests.Contribution;

public sealed class SampledShapleyTests(ITestOutputHelper output)
{
    /// <summary>
    /// The stated tolerance (docs/contribution.md): with the default 128 permutations, every member's
    /// estimate within 6% of the largest |exact value|, and within 2.5% on average over the games.
    /// </summary>
    private const double Tolerance = 0.06;
    private const double MeanTolerance = 0.025;

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Compute_DefaultPermutations_StaysWithinToleranceOfExact(int members)
    {
        var permutations = new Learning.Plans.ContributionSettings().Permutations;
        var errors = new List<double>();
        for (var seed = 0; seed < 50; seed++)
        {
            var game = Games.Saturating(members, seed);
            var exact = ExactShapley.Compute(game, members);

            var sut = SampledShapley.Compute(game, members, SampledPermutations.For(planSeed: 1000 + seed, round: 1, members, permutations), truncation: 0);

            var error = exact.Zip(sut, (e, s) => Math.Abs(e - s)).Max() / (double)exact.Max(Math.Abs);
            Assert.True(error <= Tolerance, $"{members} members, game {seed}: error {error:P1}, exact {string.Join(", ", exact)}, sampled {string.Join(", ", sut)}");
            errors.Add(error);
        }

        output.WriteLine($"{members} members, {permutations} permutations: worst error {errors.Max():P2}, mean {errors.Average():P2} over 50 games");
        Assert.True(errors.Average() <= MeanTolerance, $"mean error {errors.Average():P2}");
    }

    [Fact]
    public void Compute_AdditiveGame_IsExactWithAnyPermutations()
    {
        var sut = SampledShapley.Compute(Games.Additive(0.1, 0.2, -0.05, 0.01), 4, SampledPermutations.For(7, 3, 4, count: 5), truncation: 0);

        Assert.Equal([100_000_000, 200_000_000, -50_000_000, 10_000_000], sut);
    }

    [Fact]
    public void Compute_TruncationAboveTheRoundsGain_ScoresTheRoundZero()
    {
        // GTG-Shapley's between-round truncation: U(none) is already within the tolerance of U(all).
        var game = Games.Additive(0.001, 0.002, -0.001);

        var sut = SampledShapley.Compute(game, 3, SampledPermutations.For(1, 1, 3, 6), truncation: ScoreUnits.FromDouble(0.01));

        Assert.Equal([0, 0, 0], sut);
    }

    [Fact]
    public void Compute_Truncation_DropsMarginalsAfterThePrefixReachesTheFullUtility()
    {
        // Member 0 brings everything; once it is in, the rest add nothing within the tolerance.
        var game = Games.Of(3, s => (s.Contains(0) ? 0.5 : 0) + (s.Contains(1) ? 0.0001 : 0) + (s.Contains(2) ? 0.0001 : 0));
        int[][] order = [[0, 1, 2], [1, 0, 2]];

        var sut = SampledShapley.Compute(game, 3, order, truncation: ScoreUnits.FromDouble(0.001));

        // Permutation 1 stops after member 0; permutation 2 counts member 1, then member 0, then stops.
        Assert.Equal([ScoreUnits.Divide(500_000_000 + 500_000_000, 2), ScoreUnits.Divide(100_000, 2), 0], sut);
    }
}
