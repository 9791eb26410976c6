using System.Globalization;
using FedChain.Learning.Aggregation;
using FedChain.Learning.Contribution;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Plans;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Simulation;
using FedChain.Learning.Tests.Support;
using FedChain.Learning.Training;
using Xunit.Abstractions;

namespace FedChain.Learning.Tests.Simulation;

/// <summary>
/// Issue 8's experiment on heart disease: the 4 real hospitals, FedAvg as FLamby runs it (SGD, lr
/// 0.001, 100 steps of batch 4, 15 rounds), exact Shapley over 1 - Brier.
/// </summary>
public sealed class HeartContributionTests(ITestOutputHelper output)
{
    private static readonly TrainingPlan Plan = TestPlans.Heart(ServerRuleKind.FedAvg, rounds: 15, new LocalTrainingOptions(ClientOptimizer.Sgd, 0.001, LocalSteps: 100, BatchSize: 4)) with
    {
        Normalisation = Normalisation.PerSite,
        Quantisation = new QuantisationSettings(16, 16),
        Contribution = new ContributionSettings(ContributionMethod.ExactShapley, UtilityMetric.Brier),
    };

    [Fact]
    public void FreeRiderNoiseSenderAndLabelFlipper_ScoreBelowEveryHonestHospital()
    {
        var honest = FederatedPreprocessing.Normalise(Plan.Normalisation, Datasets.HeartSplits);
        var sites = MisbehavingSites.Add(honest, new MisbehaviourCounts(FreeRiders: 1, NoiseSenders: 1, LabelFlippers: 1), Plan.Seed);

        var members = Rewards(sites);
        var totals = members.ToDictionary(t => t.Member, t => t.Score);

        var honestTotals = sites.Where(s => s.Behaviour == SiteBehaviour.Honest).Select(s => totals[s.Name]).ToArray();
        var meanHonest = honestTotals.Average(t => (double)t);
        Assert.All(honestTotals, t => Assert.True(t > 0, $"an honest hospital totals {t}"));
        foreach (var site in sites.Where(s => s.Behaviour != SiteBehaviour.Honest))
        {
            Assert.True(totals[site.Name] < honestTotals.Min(), $"{site.Name} totals {totals[site.Name]}, the lowest honest hospital {honestTotals.Min()}");
        }

        Assert.True(totals["free-rider-1"] <= 0.10 * meanHonest, $"free rider {totals["free-rider-1"]} above 10% of the mean honest total {meanHonest}");
        Assert.True(totals["label-flip-1"] <= 0, $"label flipper totals {totals["label-flip-1"]}");

        // Paid as the ledger pays, for net contribution: no misbehaving site above the lowest-paid honest hospital.
        var paid = members.ToDictionary(t => t.Member, t => t.Rewards);
        var lowestHonest = sites.Where(s => s.Behaviour == SiteBehaviour.Honest).Min(s => paid[s.Name]);
        foreach (var site in sites.Where(s => s.Behaviour != SiteBehaviour.Honest))
            Assert.True(paid[site.Name] < lowestHonest, $"{site.Name} is paid {paid[site.Name]}, the lowest-paid honest hospital {lowestHonest}");
    }

    /// <summary>
    /// The duplicate-identity measurement (docs/contribution.md): cleveland's rows join a second time
    /// as "cleveland-copy". Shapley's symmetry gives two identical members the same score, but it
    /// does not stop the pair from drawing more in total than the original alone drew: the copy
    /// doubles cleveland's weight in FedAvg and in the utility combination. This test pins the
    /// measured direction, that duplicating pays, which is why admission is one identity per
    /// institution, decided by governance.
    /// </summary>
    [Fact]
    public void JoiningTwiceWithACopy_RaisesTheInstitutionsShareOfTheRewards()
    {
        var splits = Datasets.HeartSplits;
        var copy = new SiteSplit(splits[0].Train with { Site = "cleveland-copy" }, splits[0].Test with { Site = "cleveland-copy" });
        var once = Rewards([.. FederatedPreprocessing.Normalise(Plan.Normalisation, splits).Select(s => new SimulatedSite(s))]);
        var twice = Rewards([.. FederatedPreprocessing.Normalise(Plan.Normalisation, [.. splits, copy]).Select(s => new SimulatedSite(s))]);

        var shareOnce = Share(once, "cleveland");
        var shareTwice = Share(twice, "cleveland") + Share(twice, "cleveland-copy");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cleveland's reward share: {shareOnce:P2} alone, {shareTwice:P2} with a copy ({Share(twice, "cleveland"):P2} + {Share(twice, "cleveland-copy"):P2})"));
        Assert.True(shareTwice > shareOnce, $"share with a copy {shareTwice:P2} is not above {shareOnce:P2}");
    }

    private IReadOnlyList<MemberTotal> Rewards(IReadOnlyList<SimulatedSite> sites)
    {
        var recorder = new ContributionRecorder(Plan, sites);
        FederatedSimulation.Run(Plan, sites, new SimulationOptions(EvaluateEveryRound: false), observer: recorder);
        var totals = MemberTotal.Of([.. recorder.Rounds.Select(r => r.Scores)], Plan.Contribution!.RewardPerRound);
        foreach (var t in totals) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.Member,-16} score {ScoreUnits.ToDouble(t.Score),9:F5}  chain {t.ChainScore,9}  rewards {t.Rewards,9}"));
        return totals;
    }

    private static double Share(IReadOnlyList<MemberTotal> totals, string member) =>
        (double)totals.Single(t => t.Member == member).Rewards / (double)totals.Aggregate(System.Numerics.BigInteger.Zero, (sum, t) => sum + t.Rewards);
}
