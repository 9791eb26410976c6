using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Metrics;
using FedChain.Learning.Plans;
using FedChain.Learning.Simulation;

namespace FedChain.Learning.Benchmarks;

/// <summary>
/// Runs FLamby's protocol on one dataset: pooled, every local_K, every strategy and our tuned
/// methods, each over the seeds, through the same code paths as <c>fedchain simulate</c>.
/// </summary>
public static partial class FlambyBenchmark
{
    public static BenchmarkResult Run(
        FlambyProtocol protocol, DatasetSchema schema, IReadOnlyList<SiteDataset> sites, int seedCount,
        TimeProvider time, IProgress<BenchmarkProgress>? progress = null)
    {
        if (seedCount is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(seedCount), seedCount, "FLamby's protocol has 5 seeds (42-46); ask for 1 to 5");
        var seeds = FlambyProtocol.Seeds.Take(seedCount).ToArray();
        var splits = sites.Select(s => TrainTestSplit.Apply(schema, s)).ToArray();
        var methods = protocol.BaselineMethods(sites.Count).Concat(protocol.Strategies).ToList();
        var tuningRuns = protocol.Tuned.Sum(t => t.Candidates.Count) * ValidationRuns(protocol, splits, seeds).Count;
        var total = (methods.Count + protocol.Tuned.Count) * seeds.Length + tuningRuns;
        var done = 0;
        void Step(string method, long seed) => progress?.Report(new BenchmarkProgress(method, seed, ++done, total));

        var results = new Dictionary<string, MethodResult>();
        foreach (var method in methods) results[method.Name] = RunMethod(protocol, schema, method, splits, seeds, time, Step);

        var tuning = new List<TuningRecord>();
        var families = new List<(TunedMethod, double)>();
        foreach (var tuned in protocol.Tuned)
        {
            var (chosen, record, score) = Tune(protocol, schema, tuned, splits, seeds, Step);
            tuning.Add(record);
            if (chosen.Privacy is null) families.Add((tuned, score));
            results[tuned.Name] = RunMethod(protocol, schema, chosen with { Name = tuned.Name }, splits, seeds, time, Step);
        }

        if (families.Count > 1)
        {
            var choice = ChooseFamily(families);
            tuning.Add(choice);
            var chosen = results[choice.Chosen];
            results[ValidationBest] = chosen with { Seconds = 0, Note = $"chosen on validation among the tuned families: {choice.Chosen} ({chosen.Note})" };
        }

        return new BenchmarkResult(protocol.Dataset, protocol.Metric, results, seeds, [.. sites.Select(s => s.Site)], protocol.Published, tuning);
    }

    private static MethodResult RunMethod(
        FlambyProtocol protocol, DatasetSchema schema, BenchmarkMethod method, IReadOnlyList<SiteSplit> splits, long[] seeds,
        TimeProvider time, Action<string, long> step)
    {
        var start = time.GetTimestamp();
        var prepared = FederatedPreprocessing.Normalise(method.Normalisation, splits);
        var perSeed = new List<double[]>();
        foreach (var seed in seeds)
        {
            var parameters = Train(protocol, schema, method, prepared, seed);
            perSeed.Add([.. prepared.Select(s => Evaluation.Evaluate(Model(protocol, schema, method), parameters, s.Test).Headline)]);
            step(method.Name, seed);
        }

        var headlines = perSeed.Select(c => c.Average()).ToArray();
        var (mean, sd) = SeedSummary.Of(headlines);
        var perCenter = Enumerable.Range(0, splits.Count).Select(c => perSeed.Average(s => s[c])).ToArray();
        return new MethodResult(mean, sd, perCenter, headlines, time.GetElapsedTime(start).TotalSeconds, method.Note, method.Privacy?.TargetEpsilon, method.Privacy?.Delta);
    }

    /// <summary>Trains the method with one seed on the <c>Train</c> rows of the given splits.</summary>
    private static float[] Train(FlambyProtocol protocol, DatasetSchema schema, BenchmarkMethod method, IReadOnlyList<SiteSplit> sites, long seed)
    {
        var task = schema.Task.Kind;
        switch (method.Kind)
        {
            case MethodKind.Pooled:
                return Baselines.Pooled(protocol.Model, task, sites, method.Client, seed);
            case MethodKind.Local:
                return Baselines.Local(protocol.Model, task, sites[method.Site], method.Client, seed);
            default:
                var plan = Plan(protocol, schema, method, seed, sites);
                var run = FederatedSimulation.Run(plan, [.. sites.Select(s => new SimulatedSite(s))], new SimulationOptions(EvaluateEveryRound: false));
                return run.FinalParameters;
        }
    }

    private static Models.ModelArchitecture Model(FlambyProtocol protocol, DatasetSchema schema, BenchmarkMethod method)
    {
        var spec = method.Model ?? protocol.Model;
        return Models.ModelArchitecture.Create(spec, schema.FeatureCount, spec.OutputCount(schema.Task.Kind));
    }

    /// <summary>The training plan a federated method runs with one seed on <paramref name="sites"/>; with DP, each site declares its train rows.</summary>
    public static TrainingPlan Plan(FlambyProtocol protocol, DatasetSchema schema, BenchmarkMethod method, long seed, IReadOnlyList<SiteSplit> sites) => new(
        TrainingPlan.CurrentFormatVersion, schema, method.Normalisation, method.Model ?? protocol.Model, method.Client,
        method.Server ?? throw new ArgumentException($"method '{method.Name}' is not federated"), method.Rounds, seed, protocol.Quantisation,
        method.Privacy?.Declaring(sites.Select(s => (s.Train.Site, (long)s.Train.Count))));
}
