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

    /// <summary>Name of the row that takes, among the tuned families, the one whose choice scored best on validation.</summary>
    public const string ValidationBest = "validation_best";

    /// <summary>
    /// Scores every candidate on validation rows inside each site's train split, over the same
    /// seeds, and picks the best mean validation metric: one stratified carve-out
    /// (<see cref="TuningFitFraction"/> to fit), or the protocol's k-fold cross-validation
    /// (<see cref="FlambyProtocol.ValidationFolds"/>). The metric is computed on every site's
    /// validation rows together, because per-site validation sets are too small to score alone
    /// (TCGA-BRCA's Canada keeps 10 rows, often with no event, so its C-index is undefined); for
    /// survival, only pairs within a site count (<see cref="ConcordanceIndex.Stratified"/>), as the
    /// test headline scores each center apart. The test rows play no part.
    /// </summary>
    private static (BenchmarkMethod Chosen, TuningRecord Record, double Score) Tune(
        FlambyProtocol protocol, DatasetSchema schema, TunedMethod tuned, IReadOnlyList<SiteSplit> splits, long[] seeds, Action<string, long> step)
    {
        // Each fit/validation pair stands in for train/test; normalisation statistics come from its fit rows only.
        var runs = ValidationRuns(protocol, splits, seeds);
        var scores = new Dictionary<string, double>();
        foreach (var candidate in tuned.Candidates)
        {
            var perRun = new List<double>();
            foreach (var (carved, seed) in runs)
            {
                var prepared = FederatedPreprocessing.Normalise(candidate.Normalisation, carved);
                var parameters = Train(protocol, schema, candidate, prepared, seed);
                perRun.Add(ValidationScore(protocol, schema, candidate, parameters, [.. prepared.Select(s => s.Test)]));
                step($"{tuned.Name}: tuning {candidate.Name}", seed);
            }

            scores[candidate.Name] = perRun.Average();
        }

        var best = tuned.Candidates.MaxBy(c => scores[c.Name])!;
        var how = protocol.ValidationFolds == 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"each candidate trained on {TuningFitFraction:P0} of every site's train split and scored on the other {1 - TuningFitFraction:P0} (stratified, seed {TuningSplitSeed}) of all sites together, mean over seeds {string.Join(",", seeds)}; test rows unused")
            : string.Create(CultureInfo.InvariantCulture,
                $"{protocol.ValidationRepeats} x {protocol.ValidationFolds}-fold cross-validation inside every site's train split (stratified, fold seeds {TuningSplitSeed} on): fold f trained on the other folds with seed {string.Join(",", seeds.Take(protocol.ValidationFolds))} in turn and scored on fold f of all sites together, mean over {runs.Count} folds; test rows unused");
        return (best with { Note = $"tuned: {best.Name}" }, new TuningRecord(tuned.Name, best.Name, scores, how), scores[best.Name]);
    }

    /// <summary>
    /// The (fit/validation splits per site, seed) pairs every candidate trains on: the carve-out once
    /// per seed, or per repeat of the cross-validation fold f with the f-th seed for as many folds as
    /// there are seeds (all folds with FLamby's five seeds; one fold, a hold-out, with one seed).
    /// </summary>
    private static IReadOnlyList<(SiteSplit[] Carved, long Seed)> ValidationRuns(FlambyProtocol protocol, IReadOnlyList<SiteSplit> splits, IReadOnlyList<long> seeds)
    {
        if (protocol.ValidationFolds == 0)
        {
            var carved = splits.Select(s => TrainTestSplit.CarveValidation(s.Train, TuningFitFraction, TuningSplitSeed)).ToArray();
            return [.. seeds.Select(seed => (carved, seed))];
        }

        return [.. from repeat in Enumerable.Range(0, protocol.ValidationRepeats)
            let folds = splits.Select(s => TrainTestSplit.CrossValidationFolds(s.Train, protocol.ValidationFolds, TuningSplitSeed + repeat)).ToArray()
            from f in Enumerable.Range(0, Math.Min(protocol.ValidationFolds, seeds.Count))
            select (folds.Select(site => site[f]).ToArray(), seeds[f])];
    }

    /// <summary>
    /// The model choice across families: the tuned family (DP rows aside) whose chosen candidate has
    /// the highest validation score. Every family is scored on the same validation rows and seeds,
    /// so the scores compare; the test rows play no part.
    /// </summary>
    private static TuningRecord ChooseFamily(IReadOnlyList<(TunedMethod Family, double Score)> families)
    {
        var best = families.MaxBy(f => f.Score);
        return new TuningRecord(ValidationBest, best.Family.Name, families.ToDictionary(f => f.Family.Name, f => f.Score),
            "the tuned family whose chosen candidate scored best on validation (same validation rows and seeds for all); test rows unused");
    }

    private static double ValidationScore(FlambyProtocol protocol, DatasetSchema schema, BenchmarkMethod method, float[] parameters, IReadOnlyList<SiteDataset> validation)
    {
        var model = Model(protocol, schema, method);
        if (schema.Task.Kind != TaskKind.Survival) return Evaluation.Evaluate(model, parameters, SiteDataset.Concat("validation", validation)).Headline;
        return ConcordanceIndex.Stratified(validation.Select(v => ((IReadOnlyList<float>)v.Times!, (IReadOnlyList<float>)model.Predict(parameters, v), (IReadOnlyList<float>)v.Events!)));
    }
}
