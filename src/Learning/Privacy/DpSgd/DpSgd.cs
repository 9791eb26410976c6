using FedChain.Learning.Models;
using FedChain.Learning.Privacy.Accounting;
using TorchSharp.Modules;
using static FedChain.Learning.Models.TorchScalars;
using static TorchSharp.torch;

namespace FedChain.Learning.Privacy.DpSgd;

/// <summary>
/// Differentially private SGD (Abadi et al. 2016, Algorithm 1) on a stack of Linear layers and
/// activations: each step Poisson-samples the local records, clips every sampled record's gradient
/// to norm C, adds N(0, sigma^2 C^2) noise to the sum, divides by the expected batch size q N and
/// leaves the result in the parameters' .grad for any optimiser to apply. The budget is charged
/// before the step, and a step that would pass it is refused.
/// </summary>
public sealed class DpSgd
{
    private readonly Func<Tensor, Tensor, ClippedGradientSum> _clippedSum;
    private readonly PrivacyBudget _budget;
    private readonly NoiseSource _noise;
    private readonly Tensor[] _parameters;

    /// <param name="model">Linear layers and element-wise activations; fed [records, features].</param>
    /// <param name="loss">A per-record loss (<see cref="PerSampleLoss.ForName"/> refuses those that are not).</param>
    /// <param name="budget">The member's budget; every step is charged to it.</param>
    /// <param name="noise">Sampling and noise randomness; a CSPRNG unless a test or simulation passes a seeded one.</param>
    public DpSgd(Sequential model, PerSampleLoss loss, DpSgdOptions options, PrivacyBudget budget, NoiseSource? noise = null)
        : this([.. DpLayerStack.From(model).Parameters], (x, y) => PerSampleGradients.ClippedSum(model, x, y, loss, options.ClipNorm), options, budget, noise)
    {
    }

    /// <summary>
    /// DP-SGD on a flat-parameter model (<see cref="NeuralModel"/>, what training plans name):
    /// the private gradient goes into <paramref name="parameters"/>.grad, in the flat layout.
    /// </summary>
    /// <param name="parameters">The flat parameter vector being trained (a leaf that requires gradients).</param>
    public DpSgd(NeuralModel model, Parameter parameters, PerSampleLoss loss, DpSgdOptions options, PrivacyBudget budget, NoiseSource? noise = null)
        : this([parameters], (x, y) => PerSampleGradients.ClippedSum(model, parameters, x, y, loss, options.ClipNorm), options, budget, noise)
    {
    }

    private DpSgd(Tensor[] parameters, Func<Tensor, Tensor, ClippedGradientSum> clippedSum, DpSgdOptions options, PrivacyBudget budget, NoiseSource? noise)
    {
        _parameters = parameters;
        _clippedSum = clippedSum;
        Options = options.Validate();
        _budget = budget;
        _noise = noise ?? new CryptoNoiseSource();
    }

    public DpSgdOptions Options { get; }

    /// <summary>How many more steps the budget allows at these options.</summary>
    public long AffordableSteps => _budget.AffordableSteps(Options.SampleRate, Options.NoiseMultiplier);

    /// <summary>
    /// One step over the member's whole local data set (<paramref name="features"/> [N, d],
    /// <paramref name="targets"/> [N, ...]): charges the budget, samples, and writes the private
    /// gradient into each parameter's .grad. Throws <see cref="PrivacyBudgetExhaustedException"/>
    /// (having changed nothing) once the budget would be passed.
    /// </summary>
    public DpSgdStepResult ComputeGradients(Tensor features, Tensor targets)
    {
        var count = features.shape[0];
        if (targets.shape[0] != count)
            throw new ArgumentException($"targets hold {targets.shape[0]} records but features hold {count}", nameof(targets));
        _budget.Spend(Options.SampleRate, Options.NoiseMultiplier);

        var batch = PoissonSampler.Sample(count, Options.SampleRate, _noise);
        using var scope = NewDisposeScope();
        var clippedSum = ClippedSum(features, targets, batch, out var clippedFraction);
        var expectedBatchSize = Options.SampleRate * (Options.DeclaredRecords ?? count);
        for (var p = 0; p < _parameters.Length; p++)
        {
            var privateGradient = Over(AddNoise(clippedSum[p]), expectedBatchSize);
            SetGradient(_parameters[p], privateGradient);
        }
        return new DpSgdStepResult(batch.Length, clippedFraction, _budget.Spent);
    }

    /// <summary><see cref="ComputeGradients"/>, then <paramref name="optimizer"/>.step().</summary>
    public DpSgdStepResult Step(Tensor features, Tensor targets, optim.Optimizer optimizer)
    {
        var result = ComputeGradients(features, targets);
        optimizer.step();
        return result;
    }

    /// <summary>The sum plus N(0, (sigma C)^2) noise in every coordinate: the Gaussian mechanism on a sum of L2 sensitivity C.</summary>
    internal Tensor AddNoise(Tensor clippedSum)
    {
        var noise = new float[clippedSum.numel()];
        _noise.FillGaussian(noise, Options.NoiseMultiplier * Options.ClipNorm);
        return Plus(clippedSum, tensor(noise, dtype: clippedSum.dtype).reshape(clippedSum.shape));
    }

    private IReadOnlyList<Tensor> ClippedSum(Tensor features, Tensor targets, long[] batch, out double clippedFraction)
    {
        clippedFraction = 0;
        // An empty Poisson sample still takes a step: the noise alone, as the analysis assumes.
        if (batch.Length == 0) return [.. _parameters.Select(p => zeros_like(p))];
        var index = tensor(batch);
        var sum = _clippedSum(features.index_select(0, index), targets.index_select(0, index));
        clippedFraction = ShareAbove(sum.Norms, Options.ClipNorm);
        return sum.Sum;
    }

    /// <summary>The share of records whose gradient norm exceeds C, counted in C#, so no Scalar is handed to libtorch for it (see <see cref="TorchScalars"/>).</summary>
    private static double ShareAbove(Tensor norms, double clipNorm)
    {
        using var values = norms.to_type(ScalarType.Float64);
        var array = values.data<double>().ToArray();
        return array.Count(n => n > clipNorm) / (double)array.Length;
    }

    private static void SetGradient(Tensor parameter, Tensor gradient)
    {
        using var _ = no_grad();
        if (parameter.grad is { } existing) existing.copy_(gradient);
        else parameter.grad = gradient.detach().clone().DetachFromDisposeScope();
    }
}
