using System.Globalization;
using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Metrics;

namespace FedChain.Learning.Benchmarks;

public static partial class FlambyBenchmark
{
    /// <summary>Share of each site's train rows kept for fitting while tuning; the rest is validation.</summary>
    public const double TuningFitFraction = 0.75;

    /// <summary>Seed of the validation carve-out, fixed so every candidate sees the same rows.</summary>
    public const long TuningSplitSeed = 7;

    /// <summary>
    /// Scores every candidate on validation rows carved out of each site's train split (stratified,
    /// <see cref="TuningFitFraction"/> to fit), over the same seeds, and picks the best mean
    /// validation metric. The metric is computed on every site's validation rows together, because
    /// per-site validation sets are too small to score alone (TCGA-BRCA's Canada keeps 10 rows,
    /// often with no event, so its C-index is undefined); for survival, only pairs within a site
    /// count (<see cref="ConcordanceIndex.Stratified"/>), as the test headline scores each center
    /// apart. The test rows play no part.
    /// </summary>
    private static (BenchmarkMethod Chosen, TuningRecord Record) Tune(
        FlambyProtocol protocol, DatasetSchema schema, TunedMethod tuned, IReadOnlyList<SiteSplit> splits, long[] seeds, Action<string, long> step)
    {
        // The carved fit/validation pair stands in for train/test; normalisation statistics come from the fit rows only.
        var carved = splits.Select(s => TrainTestSplit.CarveValidation(s.Train, TuningFitFraction, TuningSplitSeed)).ToArray();
        var scores = new Dictionary<string, double>();
        foreach (var candidate in tuned.Candidates)
        {
            var prepared = FederatedPreprocessing.Normalise(candidate.Normalisation, carved);
            var perSeed = new List<double>();
            foreach (var seed in seeds)
            {
                var parameters = Train(protocol, schema, candidate, prepared, seed);
                perSeed.Add(ValidationScore(protocol, schema, candidate, parameters, [.. prepared.Select(s => s.Test)]));
                step($"{tuned.Name}: tuning {candidate.Name}", seed);
            }

            scores[candidate.Name] = perSeed.Average();
        }

        var best = tuned.Candidates.MaxBy(c => scores[c.Name])!;
        var how = string.Create(CultureInfo.InvariantCulture,
            $"each candidate trained on {TuningFitFraction:P0} of every site's train split and scored on the other {1 - TuningFitFraction:P0} (stratified, seed {TuningSplitSeed}) of all sites together, mean over seeds {string.Join(",", seeds)}; test rows unused");
        return (best with { Note = $"tuned: {best.Name}" }, new TuningRecord(tuned.Name, best.Name, scores, how));
    }

    private static double ValidationScore(FlambyProtocol protocol, DatasetSchema schema, BenchmarkMethod method, float[] parameters, IReadOnlyList<SiteDataset> validation)
    {
        var model = Model(protocol, schema, method);
        if (schema.Task.Kind != TaskKind.Survival) return Evaluation.Evaluate(model, parameters, SiteDataset.Concat("validation", validation)).Headline;
        return ConcordanceIndex.Stratified(validation.Select(v => ((IReadOnlyList<float>)v.Times!, (IReadOnlyList<float>)model.Predict(parameters, v), (IReadOnlyList<float>)v.Events!)));
    }
}
