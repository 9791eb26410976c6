using System.Text;
using FedChain.Learning.Contribution;

namespace FedChain.Learning.Tests.Contribution;

public sealed class RoundScoresTests
{
    private static readonly RoundScores Sample = new(
        new string('0', 62) + "ff", 2, ContributionMethod.LeaveOneOut, ["a", "bc"], [5, -1], 0, 4, ["a"], []);

    [Fact]
    public void CanonicalBytes_AreTheDocumentedLayout()
    {
        var expected = Encoding.ASCII.GetBytes("fedchain/round-scores/v1")
            .Concat(Convert.FromHexString(Sample.PlanHash))
            .Concat(Convert.FromHexString("00000002" + "02" + "0002"))
            .Concat(Convert.FromHexString("0001" + "61" + "0000000000000005"))
            .Concat(Convert.FromHexString("0002" + "6263" + "FFFFFFFFFFFFFFFF"))
            .ToArray();

        Assert.Equal(expected, Sample.CanonicalBytes());
    }

    [Fact]
    public void Hash_CoversTheScoresAndTheMembers()
    {
        Assert.NotEqual(Sample.Hash(), (Sample with { Scores = [5, 0] }).Hash());
        Assert.NotEqual(Sample.Hash(), (Sample with { Members = ["a", "bd"] }).Hash());
        // Evaluators follow from the reports; the vector's hash is the scores'.
        Assert.Equal(Sample.Hash(), (Sample with { Evaluators = ["a", "bc"] }).Hash());
    }
}
