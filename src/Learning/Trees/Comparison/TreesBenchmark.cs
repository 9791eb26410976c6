using FedChain.Learning.Aggregation;
using FedChain.Learning.Benchmarks;
using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Forecasting;
using FedChain.Learning.Metrics;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Simulation;
using FedChain.Learning.Trees.LightGbm;

namespace FedChain.Learning.Trees.Comparison;

/// <summary>
/// Federated boosted trees beside LightGBM trained on the pooled rows, with the same tree settings:
/// on heart disease (FLamby's split and headline) and, with the Poisson objective, on the influenza
/// forecast rows. LightGBM is the baseline only: no consortium could pool the rows.
/// </summary>
public static class TreesBenchmark
{
    /// <summary>Settings for heart disease: 100 depth-3 trees, 32 bins, shrinkage 0.1 (common defaults for small tabular data, not tuned).</summary>
    public static TreeSpec HeartTrees { get; } = new(Trees: 100, Depth: 3, Bins: 32, LearningRate: 0.1, Lambda: 1, MinChildRows: 10);

    public static TreesResult Run(DatasetSchema schema, IReadOnlyList<SiteDataset> sites, WeeklyCounts? influenza, int seedCount, TimeProvider time, IProgress<BenchmarkProgress>? progress = null)
    {
        if (seedCount is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(seedCount), seedCount, "ask for 1 to 5 seeds (42-46)");
        var seeds = FlambyProtocol.Seeds.Take(seedCount).ToArray();
        var total = seeds.Length * (influenza is null ? 2 : 4);
        var done = 0;
        void Step(string what, long seed) => progress?.Report(new BenchmarkProgress(what, seed, ++done, total));

        var splits = sites.Select(s => TrainTestSplit.Apply(schema, s)).ToArray();
        var methods = new Dictionary<string, TreesMethodResult>
        {
            ["federated_trees"] = Heart(seeds, time, seed =>
            {
                var plan = Plan(schema, HeartTrees, seed, new QuantisationSettings(16, MaxMembers: 16));
                var scaled = FederatedPreprocessing.Normalise(plan.Normalisation, splits);
                var run = FederatedSimulation.Run(plan, [.. scaled.Select(s => new SimulatedSite(s))], new SimulationOptions(EvaluateEveryRound: false));
                Step("federated_trees", seed);
                return [.. scaled.Select(s => Evaluation.Evaluate(plan, run.FinalParameters, s.Test))];
            }, "federated histograms, tree-growth rule, fixed-point sums"),
            ["lightgbm_pooled"] = Heart(seeds, time, seed =>
            {
                using var model = PooledLightGbm.Train(SiteDataset.Concat("pooled", [.. splits.Select(s => s.Train)]), HeartTrees, TaskKind.Binary, seed);
                Step("lightgbm_pooled", seed);
                return [.. splits.Select(s => BinaryMetrics.Compute(model.Predict(s.Test), s.Test.Labels!))];
            }, "LightGBM 4.7.0 on the pooled train rows (raw features)"),
        };

        var flu = influenza is null ? null : Influenza(influenza, seeds, time, Step);
        return new TreesResult("heart-disease", "accuracy", methods, seeds, [.. sites.Select(s => s.Site)], HeartTrees,
            PooledLightGbm.Parameters(HeartTrees, TaskKind.Binary, seeds[0]), flu);
    }

    public static TrainingPlan Plan(DatasetSchema schema, TreeSpec trees, long seed, QuantisationSettings quantisation) => new TrainingPlan(
        TrainingPlan.CurrentFormatVersion, schema, Normalisation.Federated, new ModelSpec(ModelKind.BoostedTrees, Trees: trees), new(),
        new ServerSettings(ServerRuleKind.TreeGrowth), trees.Rounds, seed, quantisation).Validate();

    private static TreesMethodResult Heart(long[] seeds, TimeProvider time, Func<long, MetricSet[]> run, string note)
    {
        var start = time.GetTimestamp();
        var perSeed = seeds.Select(run).ToArray();
        return TreesMethodResult.Of([.. perSeed.Select(s => s.Select(m => m.Accuracy!.Value).ToArray())], [.. perSeed.Select(s => s.Select(m => m.RocAuc!.Value).ToArray())],
            time.GetElapsedTime(start).TotalSeconds, note);
    }

    /// <summary>Poisson trees on the influenza protocol's rows (fit weeks 9-312, test 313-416): federated against pooled LightGBM.</summary>
    private static Dictionary<string, ForecastMethodResult> Influenza(WeeklyCounts counts, long[] seeds, TimeProvider time, Action<string, long> step)
    {
        var protocol = ForecastProtocol.Influenza();
        var method = protocol.Methods.First(m => m.Model.Kind == ModelKind.BoostedTrees);
        var regions = counts.Regions;
        var rows = regions.Select(r => protocol.RegionRows(counts, r)).ToArray();
        var train = rows.Select(r => r.Fit).ToArray();
        var test = rows.Select(r => r.Test).ToArray();
        ForecastMethodResult Scores(Func<long, ForecastTable> forecast, string name)
        {
            var start = time.GetTimestamp();
            var perSeed = seeds.Select(seed =>
            {
                var scores = ForecastScores.Of(forecast(seed), counts);
                step($"influenza {name}", seed);
                return scores;
            }).ToArray();
            return ForecastMethodResult.Of(perSeed, double.NaN, time.GetElapsedTime(start).TotalSeconds);
        }

        return new Dictionary<string, ForecastMethodResult>
        {
            ["federated_trees"] = Scores(seed => ForecastBenchmark.Forecast(protocol, method, train, test, seed), "federated_trees"),
            ["lightgbm_pooled"] = Scores(seed =>
            {
                using var model = PooledLightGbm.Train(SiteDataset.Concat("pooled", [.. train.Select(t => t.Data)]), method.Model.Trees!, TaskKind.Count, seed);
                return new ForecastTable([.. test.SelectMany(t => model.Predict(t.Data).Select((s, i) => new Forecast(t.Districts[i], t.Weeks[i], Math.Exp(s), double.PositiveInfinity)))]);
            }, "lightgbm_pooled"),
        };
    }
}
