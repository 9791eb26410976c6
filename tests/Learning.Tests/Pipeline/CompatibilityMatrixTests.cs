using FedChain.Learning.Aggregation;
using FedChain.Learning.Contribution;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Pipeline;
using FedChain.Learning.Pipeline.Stages;
using FedChain.Learning.Plans;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Simulation;
using FedChain.Learning.Tests.Support;
using FedChain.Learning.Training;

namespace FedChain.Learning.Tests.Pipeline;

/// <summary>
/// docs/learning.md's compatibility matrix: every pair of feature values that a legal plan can hold
/// runs together in at least one simulated plan (a pairwise cover of the legal combinations), and
/// every combination the matrix calls illegal is refused by the plan check with the reason.
/// </summary>
public sealed class CompatibilityMatrixTests
{
    public enum Scoring { None, ExactShapley, SampledShapley, LeaveOneOut, SampleShare }

    /// <summary>One cell of the matrix: a value for each feature.</summary>
    public sealed record Combination(ModelKind Model, ServerRuleKind Rule, Normalisation Normalisation, bool Dp, bool SecureAggregation, Scoring Scoring)
    {
        public override string ToString() => $"{Model}/{Rule}/{Normalisation}/{(Dp ? "dp" : "no-dp")}/{(SecureAggregation ? "secagg" : "plain")}/{Scoring}";

        public object[] Values => [Model, Rule, Normalisation, Dp, SecureAggregation, Scoring];
    }

    /// <summary>The matrix's two rules: DP-SGD has no Cox loss, and only sample-share scores without individual updates.</summary>
    public static bool Legal(Combination c) =>
        !(c.Dp && c.Model == ModelKind.LinearCox)
        && !(c.SecureAggregation && c.Scoring is Scoring.ExactShapley or Scoring.SampledShapley or Scoring.LeaveOneOut);

    /// <summary>The gradient-trained families on heart disease and TCGA-BRCA; the count, sequence, DeepSurv and tree families have their own combination tests (FamilyCombinationTests).</summary>
    public static IEnumerable<Combination> All() =>
        from model in new[] { ModelKind.LogisticRegression, ModelKind.Mlp, ModelKind.LinearCox }
        from rule in Enum.GetValues<ServerRuleKind>().Where(r => r != ServerRuleKind.TreeGrowth)
        from normalisation in Enum.GetValues<Normalisation>()
        from dp in new[] { false, true }
        from secure in new[] { false, true }
        from scoring in Enum.GetValues<Scoring>()
        select new Combination(model, rule, normalisation, dp, secure, scoring);

    /// <summary>A greedy pairwise cover: each pick covers the most value pairs not yet covered by a legal combination.</summary>
    public static IReadOnlyList<Combination> PairwiseCover()
    {
        var legal = All().Where(Legal).ToList();
        static IEnumerable<(int, object, int, object)> Pairs(Combination c)
        {
            var v = c.Values;
            for (var i = 0; i < v.Length; i++)
                for (var j = i + 1; j < v.Length; j++) yield return (i, v[i], j, v[j]);
        }

        var uncovered = legal.SelectMany(Pairs).ToHashSet();
        var picked = new List<Combination>();
        while (uncovered.Count > 0)
        {
            var best = legal.MaxBy(c => Pairs(c).Count(uncovered.Contains))!;
            picked.Add(best);
            uncovered.ExceptWith(Pairs(best));
        }

        return picked;
    }

    public static TheoryData<string> Covered() => [.. PairwiseCover().Select(c => c.ToString())];

    public static TheoryData<string> Illegal() => [.. All().Where(c => !Legal(c)).Select(c => c.ToString())];

    private static Combination Parse(string name) => All().Single(c => c.ToString() == name);

    private static (TrainingPlan Plan, IReadOnlyList<SiteSplit> Sites) PlanFor(Combination c)
    {
        var survival = c.Model == ModelKind.LinearCox;
        var raw = survival ? [.. Datasets.Tcga.Select(s => TrainTestSplit.Apply(Datasets.TcgaSchema, s.Data))] : Datasets.HeartSplits;
        var plan = TestPlans.Heart(c.Rule, rounds: 2, client: new LocalTrainingOptions(ClientOptimizer.Sgd, 0.01, LocalSteps: 2, BatchSize: 8)) with
        {
            Schema = survival ? Datasets.TcgaSchema : Datasets.HeartSchema,
            Model = new ModelSpec(c.Model, c.Model == ModelKind.Mlp ? [4] : null),
            Normalisation = c.Normalisation,
            Quantisation = new QuantisationSettings(16, MaxMembers: raw.Count),
        };
        if (c.Dp) plan = plan with { Privacy = TestPlans.DpSettings(epsilon: 8, raw.Select(s => (s.Train.Site, (long)s.Train.Count))) };
        if (c.SecureAggregation) plan = plan with { SecureAggregation = new SecureAggregationSettings(true, Threshold: raw.Count - 1) };
        if (c.Scoring != Scoring.None)
        {
            var method = Enum.Parse<ContributionMethod>(c.Scoring.ToString());
            plan = plan with { Contribution = new ContributionSettings(method, ContributionSettings.DefaultMetric(plan.Schema.Task.Kind), Permutations: 4) };
        }

        return (plan, FederatedPreprocessing.Normalise(plan.Normalisation, raw));
    }

    [Fact]
    public void PairwiseCover_CoversEveryLegalPairWithAFewPlans()
    {
        var legal = All().Where(Legal).ToList();
        var sut = PairwiseCover();

        Assert.InRange(sut.Count, 30, 60);
        Assert.All(sut, c => Assert.True(Legal(c)));
        // Every feature value occurs with every value of every other feature it can run with.
        Assert.Contains(sut, c => c.SecureAggregation && c.Scoring == Scoring.SampleShare && c.Dp);
        Assert.Equal(legal.Select(c => c.Rule).Distinct().Count(), sut.Select(c => c.Rule).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Covered))]
    public void LegalCombination_PassesThePlanCheck_AndSimulatesThroughItsStages(string name)
    {
        var combination = Parse(name);
        var (plan, splits) = PlanFor(combination);
        var sites = splits.Select(s => new SimulatedSite(s)).ToList();

        var pipeline = RoundPipeline.For(plan.Validate());
        Assert.IsType(combination.Dp ? typeof(DpSgdStage) : typeof(LocalTrainingStage), pipeline.Training);
        Assert.Equal(combination.SecureAggregation, pipeline.Masking is not null);
        Assert.Equal(combination.Scoring == Scoring.None ? null : combination.Scoring == Scoring.SampleShare ? typeof(SumOnlyScoringStage) : typeof(PerMemberScoringStage), pipeline.Scoring?.GetType());
        Assert.Equal(pipeline.Stages.OrderBy(s => s.Hook), pipeline.Stages);

        var recorder = plan.Contribution is null ? null : new ContributionRecorder(plan, sites);
        var result = FederatedSimulation.Run(plan, sites, new SimulationOptions(EvaluateEveryRound: false), observer: recorder);
        Assert.Equal(plan.Rounds, result.Rounds.Count);
        Assert.All(result.FinalParameters, p => Assert.True(float.IsFinite(p)));
        if (recorder is not null)
        {
            Assert.Equal(plan.Rounds, recorder.Rounds.Count);
            Assert.All(recorder.Rounds, r => Assert.Equal(sites.Count, r.Scores.Members.Count));
        }

        if (combination.SecureAggregation)
        {
            // Masks cancel in the sum: the same plan without secure aggregation reaches the same bits, and sample-share the same scores.
            var plain = plan with { SecureAggregation = null };
            var plainRecorder = plain.Contribution is null ? null : new ContributionRecorder(plain, sites);
            Assert.Equal(result.FinalModelHash, FederatedSimulation.Run(plain, sites, new SimulationOptions(EvaluateEveryRound: false), observer: plainRecorder).FinalModelHash);
            if (recorder is not null)
                Assert.Equal(plainRecorder!.Rounds.Select(r => r.Scores.Scores), recorder.Rounds.Select(r => r.Scores.Scores));
        }
    }

    [Theory]
    [MemberData(nameof(Illegal))]
    public void IllegalCombination_IsRefusedByThePlanCheck_WithTheReason(string name)
    {
        var combination = Parse(name);
        var (plan, _) = PlanFor(combination);

        var e = Assert.Throws<ArgumentException>(() => plan.Validate());

        if (combination.Dp && combination.Model == ModelKind.LinearCox) Assert.Contains("Cox", e.Message, StringComparison.OrdinalIgnoreCase);
        else
        {
            Assert.Contains("needs each member's individual update, which secure-aggregation (masking) hides", e.Message);
            Assert.Contains("use contribution method sample-share", e.Message);
        }
    }
}
