using FedChain.Learning.Data;
using FedChain.Learning.Models;

namespace FedChain.Learning.Trees;

/// <summary>
/// Gradient-boosted trees as a flat vector (<see cref="TreeLayout"/>). They train by growth rounds,
/// not gradient steps: in each round every site sends histograms (<see cref="HistogramStep"/>), the
/// histograms are summed through the fixed-point path as any update, and every node applies
/// <see cref="TreeGrowthRule"/> to the sum, so all reach the same trees. Predictions are plain C#.
/// </summary>
public sealed class BoostedTreesModel(int inputCount, TreeSpec spec) : ModelArchitecture(inputCount, 1)
{
    public TreeLayout Layout { get; } = new(spec, inputCount);

    public TreeSpec Spec => Layout.Spec;

    public override int ParameterCount => Layout.ParameterCount;

    public override int UpdateLength(bool controlVariates) => Layout.UpdateLength;

    /// <summary>Zeros: nothing agreed, nothing grown. The random source is not used.</summary>
    public override float[] InitialParameters(Random random) => new float[ParameterCount];

    public override float[] Predict(float[] parameters, SiteDataset data)
    {
        var ensemble = new TreeEnsemble(Layout, parameters);
        var scores = new float[data.Count];
        for (var i = 0; i < data.Count; i++) scores[i] = (float)ensemble.Score(data.Features.AsSpan(i * data.FeatureCount, data.FeatureCount));
        return scores;
    }
}
