using FedChain.Learning.Aggregation;
using FedChain.Learning.Asynchronous;
using FedChain.Learning.Compression;
using FedChain.Learning.Contribution;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Personalisation;
using FedChain.Learning.Pipeline;
using FedChain.Learning.Pipeline.Stages;
using FedChain.Learning.Plans;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Robust;
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

    public enum Robust { None, Median, TrimmedMean, NormBound, MultiKrum, AggregateNormBound }

    public enum Compression { None, Int8, Int4, RandomK, TopK }

    public enum Personal { None, FedPer, Ditto, FineTune }

    /// <summary>One cell of the matrix: a value for each feature.</summary>
    public sealed record Combination(ModelKind Model, ServerRuleKind Rule, Normalisation Normalisation, bool Dp, bool SecureAggregation, Scoring Scoring,
        Robust Robust, Compression Compression, Personal Personal, bool Asynchronous)
    {
        public override string ToString() =>
            $"{Model}/{Rule}/{Normalisation}/{(Dp ? "dp" : "no-dp")}/{(SecureAggregation ? "secagg" : "plain")}/{Scoring}/{Robust}/{Compression}/{Personal}/{(Asynchronous ? "async" : "sync")}";

        public object[] Values => [Model, Rule, Normalisation, Dp, SecureAggregation, Scoring, Robust, Compression, Personal, Asynchronous];

        public static Combination Of(object[] v) => new((ModelKind)v[0], (ServerRuleKind)v[1], (Normalisation)v[2], (bool)v[3], (bool)v[4], (Scoring)v[5], (Robust)v[6], (Compression)v[7], (Personal)v[8], (bool)v[9]);
    }

    /// <summary>
    /// Every feature's values, in <see cref="Combination.Values"/> order: the gradient-trained families on heart disease
    /// and TCGA-BRCA; the count, sequence, DeepSurv and tree families have their own combination tests (FamilyCombinationTests).
    /// </summary>
    public static readonly object[][] Domains =
    [
        [ModelKind.LogisticRegression, ModelKind.Mlp, ModelKind.LinearCox],
        [.. Enum.GetValues<ServerRuleKind>().Where(r => r != ServerRuleKind.TreeGrowth).Cast<object>()],
        [.. Enum.GetValues<Normalisation>().Cast<object>()],
        [false, true],
        [false, true],
        [.. Enum.GetValues<Scoring>().Cast<object>()],
        [.. Enum.GetValues<Robust>().Cast<object>()],
        [.. Enum.GetValues<Compression>().Cast<object>()],
        [.. Enum.GetValues<Personal>().Cast<object>()],
        [false, true],
    ];

    /// <summary>
    /// The matrix's rules, each a pair of feature values that cannot run together: DP-SGD and FedPer's
    /// bias have no meaning for a Cox model; under secure aggregation, per-member scores, robust rules over
    /// individual updates, compression whose commits do not add up and asynchronous rounds are refused; asynchronous
    /// rounds take no contribution scores.
    /// </summary>
    public static bool Compatible(int a, object x, int b, object y)
    {
        if (a > b) return Compatible(b, y, a, x);
        bool Is(int feature, object value, int f, object v) => feature == f && value.Equals(v);
        var cox = Is(a, x, 0, ModelKind.LinearCox);
        var secure = Is(a, x, 4, true);
        return !(cox && Is(b, y, 3, true))
            && !(cox && Is(b, y, 8, Personal.FedPer))
            && !(secure && b == 5 && y is Scoring.ExactShapley or Scoring.SampledShapley or Scoring.LeaveOneOut)
            && !(secure && b == 6 && y is Robust.Median or Robust.TrimmedMean or Robust.NormBound or Robust.MultiKrum)
            && !(secure && b == 7 && y is Compression.Int8 or Compression.Int4 or Compression.TopK)
            && !(secure && Is(b, y, 9, true))
            && !(a == 5 && x is not Scoring.None && Is(b, y, 9, true));
    }

    public static bool Legal(Combination c)
    {
        var v = c.Values;
        for (var i = 0; i < v.Length; i++)
            for (var j = i + 1; j < v.Length; j++)
                if (!Compatible(i, v[i], j, v[j])) return false;
        return true;
    }

    /// <summary>
    /// A pairwise cover of the legal combinations, built greedily as AETG does (Cohen et al. 1997): each new
    /// combination starts from a pair not yet covered and gives every other feature the compatible value that
    /// covers the most new pairs. The rules are pairwise, so every compatible pair fits some legal combination.
    /// </summary>
    public static IReadOnlyList<Combination> PairwiseCover()
    {
        var uncovered = new List<(int, object, int, object)>();
        for (var i = 0; i < Domains.Length; i++)
            for (var j = i + 1; j < Domains.Length; j++)
                foreach (var x in Domains[i])
                    foreach (var y in Domains[j])
                        if (Compatible(i, x, j, y)) uncovered.Add((i, x, j, y));

        var remaining = uncovered.ToHashSet();
        var picked = new List<Combination>();
        foreach (var seed in uncovered)
        {
            if (!remaining.Contains(seed)) continue;
            var values = new object?[Domains.Length];
            (values[seed.Item1], values[seed.Item3]) = (seed.Item2, seed.Item4);
            for (var f = 0; f < Domains.Length; f++)
            {
                if (values[f] is not null) continue;
                values[f] = Domains[f]
                    .Where(v => Enumerable.Range(0, f).Concat(Enumerable.Range(f + 1, Domains.Length - f - 1)).All(g => values[g] is null || Compatible(f, v, g, values[g]!)))
                    .MaxBy(v => Enumerable.Range(0, Domains.Length).Count(g => values[g] is { } w && g != f && remaining.Contains(g < f ? (g, w, f, v) : (f, v, g, w))))!;
            }

            var combination = Combination.Of(values!);
            var all = combination.Values;
            for (var i = 0; i < all.Length; i++)
                for (var j = i + 1; j < all.Length; j++) remaining.Remove((i, all[i], j, all[j]));
            picked.Add(combination);
        }

        return picked;
    }

    /// <summary>One combination per refused pair of values, the other features at their first value.</summary>
    public static IEnumerable<Combination> Refused()
    {
        for (var i = 0; i < Domains.Length; i++)
            for (var j = i + 1; j < Domains.Length; j++)
                foreach (var x in Domains[i])
                    foreach (var y in Domains[j])
                    {
                        if (Compatible(i, x, j, y)) continue;
                        var values = Domains.Select(d => d[0]).ToArray();
                        (values[i], values[j]) = (x, y);
                        yield return Combination.Of(values);
                    }
    }

    public static TheoryData<string> Covered() => [.. PairwiseCover().Select(c => c.ToString())];

    public static TheoryData<string> Illegal() => [.. Refused().Select(c => c.ToString())];

    private static Combination Parse(string name) => PairwiseCover().Concat(Refused()).First(c => c.ToString() == name);

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

        if (c.Robust != Robust.None) plan = plan with { Robust = new RobustSettings(Enum.Parse<RobustRuleKind>(c.Robust.ToString()), NormBound: c.Robust == Robust.AggregateNormBound ? 1 : 0) };
        if (c.Compression != Compression.None) plan = plan with { Compression = new CompressionSettings(Enum.Parse<CompressionMethod>(c.Compression.ToString()), ChunkSize: 8, Fraction: 0.5) };
        if (c.Personal != Personal.None) plan = plan with { Personalisation = new PersonalisationSettings(Enum.Parse<PersonalisationMethod>(c.Personal.ToString())) };
        if (c.Asynchronous) plan = plan with { Asynchronous = new AsynchronousSettings(BufferSize: raw.Count - 1) };
        return (plan, FederatedPreprocessing.Normalise(plan.Normalisation, raw));
    }

    [Fact]
    public void PairwiseCover_CoversEveryLegalPairWithAFewPlans()
    {
        var sut = PairwiseCover();

        Assert.InRange(sut.Count, 30, 60);
        Assert.All(sut, c => Assert.True(Legal(c), c.ToString()));
        for (var i = 0; i < Domains.Length; i++)
            for (var j = i + 1; j < Domains.Length; j++)
                foreach (var x in Domains[i])
                    foreach (var y in Domains[j])
                        Assert.Equal(Compatible(i, x, j, y), sut.Any(c => c.Values[i].Equals(x) && c.Values[j].Equals(y)));
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
        Assert.Equal(combination.Robust == Robust.None ? typeof(SumRuleStage) : typeof(RobustRuleStage), pipeline.Rule.GetType());
        Assert.Equal(combination.Compression != Compression.None, pipeline.Compression is not null);
        Assert.Equal(combination.Personal != Personal.None, pipeline.Personal is not null);
        Assert.Equal(combination.Asynchronous, pipeline.Buffering is not null);
        Assert.Equal(pipeline.Stages.OrderBy(s => s.Hook), pipeline.Stages);

        var recorder = plan.Contribution is null ? null : new ContributionRecorder(plan, sites);
        // An asynchronous plan's last site trains 1.5 times as long: its update lands stale (by one) in the second window.
        var slow = combination.Asynchronous ? new SlowSite(sites[^1].Name, 1.5) : null;
        var result = FederatedSimulation.Run(plan, sites, new SimulationOptions(EvaluateEveryRound: false, Slow: slow), observer: recorder);
        Assert.Equal(plan.Rounds, result.Rounds.Count);
        Assert.All(result.FinalParameters, p => Assert.True(float.IsFinite(p)));
        Assert.Equal(combination.Personal == Personal.None ? null : sites.Select(s => s.Name), result.Rounds[^1].PersonalPerSite?.Keys);
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

        if (combination.Model == ModelKind.LinearCox) Assert.Contains("Cox", e.Message, StringComparison.OrdinalIgnoreCase);
        else if (combination.Asynchronous && combination.SecureAggregation)
            Assert.Contains("asynchronous (buffering) needs each member's individual update, which secure-aggregation (masking) hides; asynchronous rounds run without secure aggregation or sharded collection", e.Message);
        else if (combination.Asynchronous)
            Assert.Contains("asynchronous: contribution scores compare members who trained from one model in one round", e.Message);
        else
        {
            Assert.Contains(combination.Compression != Compression.None ? "secure-aggregation (masking) needs commits that add up" : "which secure-aggregation (masking) hides", e.Message);
            Assert.Contains(combination.Scoring != Scoring.None ? "use contribution method sample-share" : combination.Robust != Robust.None ? "use robust rule aggregate-norm-bound" : "use compression random-k", e.Message);
        }
    }
}
