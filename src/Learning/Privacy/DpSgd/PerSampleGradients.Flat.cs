using FedChain.Learning.Models;
using static TorchSharp.torch;

namespace FedChain.Learning.Privacy.DpSgd;

public static partial class PerSampleGradients
{
    /// <summary>
    /// The sum of clipped per-record gradients of a flat-parameter model (<see cref="NeuralModel"/>,
    /// the models training plans name), as one vector in the model's flat layout: per Linear layer the
    /// weight [out x in] row-major, then the bias. Same method as the <c>Sequential</c> overload,
    /// but the per-layer sum is a broadcast multiply and a reduction instead of a BLAS matmul, like the
    /// models' own forward pass, so a seeded run repeats bit for bit (docs/learning.md, "Determinism").
    /// It holds [B, out, in] per layer, which is small for the models plans train.
    /// </summary>
    /// <param name="parameters">The flat parameters [P]; they need not require gradients.</param>
    public static ClippedGradientSum ClippedSum(NeuralModel model, Tensor parameters, Tensor features, Tensor targets, PerSampleLoss loss, double clipNorm)
    {
        CheckClipNorm(clipNorm);
        CheckShapes(features, targets);
        if (parameters.numel() != model.ParameterCount)
            throw new ArgumentException($"the model has {model.ParameterCount} parameters, got {parameters.numel()}", nameof(parameters));
        using var scope = NewDisposeScope();
        var taps = new List<LinearTap>();
        IList<Tensor> outputGradients;
        using (enable_grad())
        {
            var tracked = parameters.detach().requires_grad_(true);
            var scores = model.Forward(tracked, features, taps);
            var losses = RecordLosses(loss, scores, targets, features.shape[0]);
            outputGradients = autograd.grad([losses.sum()], [.. taps.Select(t => t.Output)]);
        }

        var inputs = taps.Select(t => t.Input).ToArray();
        var norms = RecordNorms(inputs, outputGradients, _ => true);
        var factors = ClipFactors(norms, clipNorm).unsqueeze(1);
        var parts = new List<Tensor>();
        for (var l = 0; l < inputs.Length; l++)
        {
            var scaled = outputGradients[l] * factors;
            parts.Add((scaled.unsqueeze(2) * inputs[l].unsqueeze(1)).sum(dim: 0).flatten());
            parts.Add(scaled.sum(dim: 0));
        }

        return new ClippedGradientSum([cat(parts).MoveToOuterDisposeScope()], norms.MoveToOuterDisposeScope());
    }
}
