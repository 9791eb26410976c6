using FedChain.Learning.Data;
using FedChain.Learning.Models.Sequence;
using FedChain.Learning.Trees;

namespace FedChain.Learning.Models;

/// <summary>
/// A model as a function of one flat float vector: what plans train, updates change, nodes hash and
/// the chain records. Neural families (<see cref="NeuralModel"/>) train by local gradient steps;
/// boosted trees (<see cref="BoostedTreesModel"/>) grow from summed histograms. Both fit the same
/// round: a client turns the global vector into an update vector, the updates are summed in fixed
/// point, and a deterministic rule turns the sum into the next global vector.
/// </summary>
public abstract class ModelArchitecture
{
    protected ModelArchitecture(int inputCount, int outputCount)
    {
        if (outputCount is < 1 or > 2) throw new ArgumentOutOfRangeException(nameof(outputCount), outputCount, "a model has one or two outputs per row");
        InputCount = inputCount;
        OutputCount = outputCount;
    }

    public int InputCount { get; }

    /// <summary>Scores per row: 1 (a logit, a Cox log-risk, a Poisson log-mean) or 2 (a negative binomial's log-mean and log-size).</summary>
    public int OutputCount { get; }

    public abstract int ParameterCount { get; }

    /// <summary>The last Linear layer's weights and biases, which end the flat vector (FedPer's head); null: the family does not end in one.</summary>
    public virtual (int Weights, int Biases)? OutputLayer => null;

    /// <summary>Round-0 parameters, drawn in C# from <paramref name="random"/> (never torch's generator).</summary>
    public abstract float[] InitialParameters(Random random);

    /// <summary>The scores of every row of <paramref name="data"/>, row-major (<see cref="OutputCount"/> per row).</summary>
    public abstract float[] Predict(float[] parameters, SiteDataset data);

    /// <summary>Length of a client's update vector; SCAFFOLD's control delta doubles it for neural models.</summary>
    public virtual int UpdateLength(bool controlVariates) => controlVariates ? 2 * ParameterCount : ParameterCount;

    /// <param name="outputCount">Scores per row the task needs (<see cref="ModelSpec.OutputCount"/>).</param>
    public static ModelArchitecture Create(ModelSpec spec, int inputCount, int outputCount = 1) => spec.Kind switch
    {
        ModelKind.Mlp or ModelKind.DeepSurv => new MlpModel(inputCount, spec.Hidden is { Count: > 0 } h ? h : throw new ArgumentException($"a {spec.Kind} model needs at least one hidden layer width", nameof(spec)), outputCount, spec.Epidemic),
        ModelKind.Gru => new GruModel(inputCount, SequenceOf(spec), outputCount, spec.Epidemic),
        ModelKind.Lstm => new LstmModel(inputCount, SequenceOf(spec), outputCount, spec.Epidemic),
        ModelKind.TemporalCnn => new TemporalCnnModel(inputCount, SequenceOf(spec), outputCount, spec.Epidemic),
        ModelKind.BoostedTrees => new BoostedTreesModel(inputCount, spec.Trees ?? throw new ArgumentException("a boosted-trees model needs its trees section", nameof(spec))),
        _ => new LinearModel(inputCount, outputCount, spec.Epidemic),
    };

    private static SequenceSpec SequenceOf(ModelSpec spec) =>
        spec.Sequence ?? throw new ArgumentException($"a {spec.Kind} model needs its sequence section (steps, channels, hidden)", nameof(spec));
}
