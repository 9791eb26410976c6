using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Training;

namespace FedChain.Learning.Benchmarks;

/// <summary>
/// FLamby's benchmark protocol for one dataset (the data READMEs give it): the model, the baseline
/// settings, every strategy's settings, the seeds and the published numbers, plus our tuned methods.
/// </summary>
public sealed partial record FlambyProtocol(
    string Dataset,
    string Metric,
    ModelSpec Model,
    LocalTrainingOptions Baseline,
    Normalisation Normalisation,
    QuantisationSettings Quantisation,
    IReadOnlyList<BenchmarkMethod> Strategies,
    IReadOnlyList<TunedMethod> Tuned,
    IReadOnlyDictionary<string, PublishedResult> Published)
{
    /// <summary>
    /// How tuning validates: 0 = one carve-out of each site's train split
    /// (<see cref="FlambyBenchmark.TuningFitFraction"/>); k >= 2 = k-fold cross-validation inside
    /// each site's train split, fold f trained with the f-th seed, so with FLamby's five seeds and
    /// five folds every train row is validated once at the cost of one run per seed.
    /// </summary>
    public int ValidationFolds { get; init; }

    /// <summary>With cross-validation: how many times it is repeated, repeat r dealing the folds with seed <see cref="FlambyBenchmark.TuningSplitSeed"/> + r; candidates are scored by the mean over all repeats' folds.</summary>
    public int ValidationRepeats { get; init; } = 1;

    /// <summary>FLamby's seeds.</summary>
    public static IReadOnlyList<long> Seeds { get; } = [42, 43, 44, 45, 46];

    public static IReadOnlyList<string> Datasets { get; } = ["heart-disease", "tcga-brca"];

    public static FlambyProtocol For(string dataset) => dataset switch
    {
        "heart-disease" => Heart(),
        "tcga-brca" => Tcga(),
        _ => throw new ArgumentException($"no FLamby protocol for dataset '{dataset}'; known: {string.Join(", ", Datasets)}", nameof(dataset)),
    };

    /// <summary>The baselines: pooled, then local_K for each site.</summary>
    public IEnumerable<BenchmarkMethod> BaselineMethods(int siteCount)
    {
        // FLamby's pooled run scales with the pooled train set's mean and std: federated standardisation gives exactly those.
        var pooledScaling = Normalisation == Normalisation.None ? Normalisation.None : Normalisation.Federated;
        yield return new BenchmarkMethod("pooled", MethodKind.Pooled, Baseline, pooledScaling, Note: "FLamby protocol");
        for (var k = 0; k < siteCount; k++) yield return new BenchmarkMethod($"local_{k}", MethodKind.Local, Baseline, Normalisation, Site: k, Note: "FLamby protocol");
    }
}
