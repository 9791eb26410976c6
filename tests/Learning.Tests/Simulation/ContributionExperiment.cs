using FedChain.Learning.Aggregation;
using FedChain.Learning.Contribution;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Plans;
using FedChain.Learning.Simulation;
using FedChain.Learning.Tests.Support;
using FedChain.Learning.Training;
using Xunit.Abstractions;

namespace FedChain.Learning.Tests.Simulation;

public sealed class ContributionExperiment(ITestOutputHelper output)
{
    [Theory]
    [InlineData(UtilityMetric.Brier, 0.003, 15, 100, ServerRuleKind.FedAvg)]
    [InlineData(UtilityMetric.Accuracy, 0.003, 15, 100, ServerRuleKind.FedAvg)]
    [InlineData(UtilityMetric.Brier, 0.001, 15, 100, ServerRuleKind.FedAvg)]
    [InlineData(UtilityMetric.Brier, 0.01, 15, 100, ServerRuleKind.FedAdam)]
    public void Explore(UtilityMetric metric, double lr, int rounds, int steps, ServerRuleKind rule)
    {
        var plan = TestPlans.Heart(rule, rounds, new LocalTrainingOptions(ClientOptimizer.Sgd, lr, LocalSteps: steps, BatchSize: 4)) with
        {
            Quantisation = new Learning.Quantisation.QuantisationSettings(16, 16),
            Contribution = new ContributionSettings(ContributionMethod.ExactShapley, metric),
            Server = new ServerSettings(rule, rule == ServerRuleKind.FedAdam ? 0.01 : 1),
        };
        var splits = FederatedPreprocessing.Normalise(plan.Normalisation, Datasets.HeartSplits);
        var sites = MisbehavingSites.Add(splits, new MisbehaviourCounts(1, 1, 1), plan.Seed);
        var recorder = new ContributionRecorder(plan, sites);
        var result = FederatedSimulation.Run(plan, sites, new SimulationOptions(EvaluateEveryRound: false), observer: recorder);
        output.WriteLine($"{metric} lr {lr} rule {rule}: headline {result.Rounds[^1].Headline:F3}");
        foreach (var t in MemberTotal.Of(recorder.Rounds.Select(r => r.Scores))) output.WriteLine($"  {t.Member,-14} {ScoreFixedPoint.ToDouble(t.Score),10:F5}  rewards {t.Rewards}");
        foreach (var r in recorder.Rounds) output.WriteLine($"  r{r.Scores.Round}: {string.Join(" ", r.Scores.Scores.Select(s => ScoreFixedPoint.ToDouble(s).ToString("F4")))}  U0 {ScoreFixedPoint.ToDouble(r.Scores.UtilityOfNone!.Value):F4} UN {ScoreFixedPoint.ToDouble(r.Scores.UtilityOfAll!.Value):F4}");
        var cost = recorder.Rounds.Average(r => r.PerNode(0).TotalMilliseconds);
        output.WriteLine($"  scoring per node {cost:F1} ms; build {recorder.Rounds.Average(r => r.BuildModels.TotalMilliseconds):F1} ms");
    }
}

public sealed class SamplingExperiment(ITestOutputHelper output)
{
    [Fact]
    public void Errors()
    {
        foreach (var n in new[] { 4, 5, 6, 8 })
        foreach (var k in new[] { 32, 64, 128, 256 })
        {
            var worst = 0.0; var mean = 0.0; var count = 0;
            for (var seed = 0; seed < 50; seed++)
            {
                var game = FedChain.Learning.Tests.Contribution.Games.Saturating(n, seed);
                var exact = ExactShapley.Compute(game, n);
                var half = SampledPermutations.For(1000 + seed, 1, n, k / 2);
                var perms = half.SelectMany(p => new[] { p, p.Reverse().ToArray() }).ToArray();
                var sut = SampledShapley.Compute(game, n, perms, 0);
                var e = exact.Zip(sut, (a, b) => Math.Abs(a - b)).Max() / (double)exact.Max(Math.Abs);
                worst = Math.Max(worst, e); mean += e; count++;
            }
            output.WriteLine($"n {n} K {k}: mean rel err {mean / count:F4} worst {worst:F4} subsets {CoalitionSchedule.For(new ContributionSettings(ContributionMethod.SampledShapley, Permutations: k), 1, 1, n).Count}");
        }
    }
}
