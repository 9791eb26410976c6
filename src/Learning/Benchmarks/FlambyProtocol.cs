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
