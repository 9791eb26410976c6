using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Models;
using FedChain.Learning.Randomness;
using FedChain.Learning.Training;

namespace FedChain.Learning.Simulation;

/// <summary>
/// The non-federated references: pooled training (all train rows in one place, which no
/// consortium can really do) and local-only training at one site.
/// </summary>
public static class Baselines
{
    /// <summary>Trains on the union of every site's train rows.</summary>
    public static float[] Pooled(ModelSpec spec, TaskKind task, IReadOnlyList<SiteSplit> sites, LocalTrainingOptions options, long seed) =>
        Train(spec, task, SiteDataset.Concat("pooled", [.. sites.Select(s => s.Train)]), options, seed);

    /// <summary>Trains on one site's train rows only.</summary>
    public static float[] Local(ModelSpec spec, TaskKind task, SiteSplit site, LocalTrainingOptions options, long seed) =>
        Train(spec, task, site.Train, options, seed);

    /// <summary>Trains from the seed's initial parameters (the same draw a plan with this seed starts from).</summary>
    public static float[] Train(ModelSpec spec, TaskKind task, SiteDataset data, LocalTrainingOptions options, long seed)
    {
        var model = (NeuralModel)ModelArchitecture.Create(spec, data.FeatureCount, spec.OutputCount(task));
        var initial = model.InitialParameters(DerivedSeed.Random(seed, "initial-parameters"));
        return LocalTrainer.Train(model, task, initial, data, options, DerivedSeed.Random(seed, "batches", 0, data.Site)).Parameters;
    }
}
