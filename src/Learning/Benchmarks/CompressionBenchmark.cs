using FedChain.Learning.Compression;
using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Metrics;
using FedChain.Learning.Models;
using FedChain.Learning.Simulation;

namespace FedChain.Learning.Benchmarks;

/// <summary>
/// Compression on heart disease with an MLP of <see cref="Model"/> (10,113 parameters: a 14-parameter
/// logistic regression is smaller than its envelope) under <see cref="HeartPlans.FedAvg"/>: per method,
/// the update blobs' bytes per round (every member's sealed blob, envelope included, as measured by
/// <c>blobBytes</c> on what each member commits) and the mean per-site test accuracy, over the seeds.
/// </summary>
public static class CompressionBenchmark
{
    public static readonly ModelSpec Model = new(ModelKind.Mlp, [128, 64]);

    /// <summary>The methods measured, by the names results.json uses (k = 1/8 of the coordinates for the sparse ones, error feedback on).</summary>
    public static IReadOnlyDictionary<string, CompressionSettings> Methods { get; } = new Dictionary<string, CompressionSettings>
    {
        ["int8"] = new(CompressionMethod.Int8),
        ["int4"] = new(CompressionMethod.Int4),
        ["random-k"] = new(CompressionMethod.RandomK, Fraction: 0.125),
        ["top-k"] = new(CompressionMethod.TopK, Fraction: 0.125),
    };

    /// <param name="blobBytes">The sealed blob's length for one member's committed words (the node's envelope).</param>
    public static CompressionReport Run(DatasetSchema schema, IReadOnlyList<SiteDataset> sites, int seedCount, Func<uint[], int> blobBytes, int rounds = 15, IProgress<BenchmarkProgress>? progress = null)
    {
        var seeds = FlambyProtocol.Seeds.Take(seedCount).ToArray();
        var splits = FederatedPreprocessing.Normalise(Normalisation.Federated, [.. sites.Select(s => TrainTestSplit.Apply(schema, s))]);
        var total = (1 + Methods.Count) * seeds.Length;
        var done = 0;

        CompressionFigures Measure(string name, CompressionSettings? compression)
        {
            var bytes = new List<double>();
            var accuracy = seeds.Average(seed =>
            {
                var plan = HeartPlans.FedAvg(schema, seed, Model) with { Compression = compression, Rounds = rounds };
                var observer = new BlobBytes(blobBytes);
                var final = FederatedSimulation.Run(plan, [.. splits.Select(s => new SimulatedSite(s))], new SimulationOptions(EvaluateEveryRound: false), observer: observer).FinalParameters;
                bytes.Add(observer.PerRound.Average());
                progress?.Report(new BenchmarkProgress(name, seed, ++done, total));
                return splits.Average(s => Evaluation.Evaluate(plan.Architecture(), final, s.Test).Headline);
            });
            return new CompressionFigures(bytes.Average(), accuracy);
        }

        var uncompressed = Measure("uncompressed", null);
        var methods = Methods.ToDictionary(m => m.Key, m => Measure(m.Key, m.Value));
        return new CompressionReport(new CompressionResult(uncompressed, methods), HeartPlans.FedAvg(schema, seeds[0], Model).ParameterCount, seeds);
    }

    private sealed class BlobBytes(Func<uint[], int> blobBytes) : IRoundObserver
    {
        public List<double> PerRound { get; } = [];

        public void Observe(RoundUpdates round) => PerRound.Add(round.Committed!.Sum(w => (double)blobBytes(w)));
    }
}
