using TorchSharp.Modules;
using static FedChain.Learning.Models.TorchScalars;
using static TorchSharp.torch;

namespace FedChain.Learning.Privacy.DpSgd;

/// <summary>
/// Per-record gradients of a stack of Linear layers and activations from one backward pass. For a
/// Linear layer z = W a + b, record i's gradient is dW_i = g_i a_i^T and db_i = g_i, where a_i is the
/// layer's input row and g_i = dLoss_i/dz_i its output gradient (Goodfellow 2015, "Efficient
/// per-example gradient computations"). Both come from the batch's single backward pass.
/// </summary>
public static partial class PerSampleGradients
{
    /// <summary>
    /// Every record's gradient, materialised: one tensor [B, ...parameter shape] per trainable
    /// parameter, in the order of parameters(). Uses B times the parameters' memory.
    /// </summary>
    public static IReadOnlyList<Tensor> Compute(Sequential model, Tensor features, Tensor targets, PerSampleLoss loss)
    {
        var stack = DpLayerStack.From(model);
        using var scope = NewDisposeScope();
        var (inputs, outputGradients) = Backward(stack, features, targets, loss);
        var gradients = new List<Tensor>();
        for (var l = 0; l < stack.Linears.Count; l++)
        {
            gradients.Add(einsum("bo,bi->boi", outputGradients[l], inputs[l]).MoveToOuterDisposeScope());
            if (stack.Linears[l].bias is not null) gradients.Add(outputGradients[l].clone().MoveToOuterDisposeScope());
        }
        return gradients;
    }

    /// <summary>Clips each record's materialised gradient (over all parameters together) to L2 norm at most <paramref name="clipNorm"/>.</summary>
    public static IReadOnlyList<Tensor> Clip(IReadOnlyList<Tensor> perSample, double clipNorm)
    {
        using var scope = NewDisposeScope();
        var squaredNorms = perSample.Select(g => g.reshape(g.shape[0], -1).square().sum(1)).Aggregate(Plus);
        var factors = ClipFactors(squaredNorms.sqrt(), clipNorm);
        return perSample.Select(g => (g * factors.reshape([g.shape[0], .. Enumerable.Repeat(1L, (int)g.dim() - 1)])).MoveToOuterDisposeScope()).ToArray();
    }

    /// <summary>
    /// The sum of clipped per-record gradients, without materialising them: for a Linear layer
    /// |g_i a_i^T| = |g_i| |a_i|, so the norms come from the rows, and sum_i c_i g_i a_i^T is one matrix
    /// product (the "ghost clipping" of Li et al. 2022, "Large language models can be strong
    /// differentially private learners", for 2-D inputs).
    /// </summary>
    public static ClippedGradientSum ClippedSum(Sequential model, Tensor features, Tensor targets, PerSampleLoss loss, double clipNorm)
    {
        CheckClipNorm(clipNorm);
        var stack = DpLayerStack.From(model);
        using var scope = NewDisposeScope();
        var (inputs, outputGradients) = Backward(stack, features, targets, loss);
        var norms = RecordNorms(inputs, outputGradients, l => stack.Linears[l].bias is not null);
        var factors = ClipFactors(norms, clipNorm);
        var sums = new List<Tensor>();
        for (var l = 0; l < stack.Linears.Count; l++)
        {
            var scaled = outputGradients[l] * factors.unsqueeze(1);
            sums.Add(scaled.t().matmul(inputs[l]).MoveToOuterDisposeScope());
            if (stack.Linears[l].bias is not null) sums.Add(scaled.sum(dim: 0).MoveToOuterDisposeScope());
        }
        return new ClippedGradientSum(sums, norms.MoveToOuterDisposeScope());
    }

    // min(1, C / |g_i|): records inside the ball keep their gradient (Abadi et al. 2016, Algorithm 1).
    private static Tensor ClipFactors(Tensor norms, double clipNorm) => ClampMax(Over(clipNorm, norms), 1.0);

    private static void CheckClipNorm(double clipNorm)
    {
        if (!(clipNorm > 0) || double.IsPositiveInfinity(clipNorm))
            throw new ArgumentOutOfRangeException(nameof(clipNorm), clipNorm, "clipping norm must be finite and > 0");
    }

    // Record i's squared gradient norm over every layer: |g_i a_i^T|^2 + |g_i|^2 = |g_i|^2 (|a_i|^2 + 1)
    // for a layer with a bias, without forming g_i a_i^T.
    private static Tensor RecordNorms(IReadOnlyList<Tensor> inputs, IList<Tensor> outputGradients, Func<int, bool> hasBias)
    {
        var squaredNorms = zeros(inputs[0].shape[0], dtype: inputs[0].dtype);
        for (var l = 0; l < inputs.Count; l++)
        {
            var inputSquares = inputs[l].square().sum(1);
            if (hasBias(l)) inputSquares += 1;
            squaredNorms = Plus(squaredNorms, outputGradients[l].square().sum(1) * inputSquares);
        }
        return squaredNorms.sqrt();
    }

    // The per-record losses of a batch, checked to be one value per record.
    private static Tensor RecordLosses(PerSampleLoss loss, Tensor outputs, Tensor targets, long records)
    {
        var losses = loss.Compute(outputs, targets);
        if (losses.dim() != 1 || losses.shape[0] != records)
            throw new ArgumentException($"loss '{loss.Name}' must return one value per record ([{records}]), got [{string.Join(", ", losses.shape)}]", nameof(loss));
        return losses;
    }

    private static void CheckShapes(Tensor features, Tensor targets)
    {
        if (features.dim() != 2)
            throw new ArgumentException($"features must be [records, features], got shape [{string.Join(", ", features.shape)}]", nameof(features));
        if (targets.shape[0] != features.shape[0])
            throw new ArgumentException($"targets hold {targets.shape[0]} records but features hold {features.shape[0]}", nameof(targets));
    }

    // One forward pass that keeps each Linear layer's input, then one backward pass of the summed
    // per-record losses to each Linear layer's output: row i of that gradient is dLoss_i/dz_i,
    // because z_i feeds only loss_i in a stack whose layers never mix rows.
    private static (List<Tensor> Inputs, IList<Tensor> OutputGradients) Backward(
        DpLayerStack stack, Tensor features, Tensor targets, PerSampleLoss loss)
    {
        CheckShapes(features, targets);
        var inputs = new List<Tensor>();
        var outputs = new List<Tensor>();
        var hidden = features;
        using (enable_grad())
        {
            foreach (var layer in stack.Layers)
            {
                if (layer is Linear)
                {
                    inputs.Add(hidden.detach());
                    hidden = layer.forward(hidden);
                    outputs.Add(hidden);
                }
                else
                {
                    hidden = layer.forward(hidden);
                }
            }
            var losses = RecordLosses(loss, hidden, targets, features.shape[0]);
            var outputGradients = autograd.grad([losses.sum()], outputs);
            return (inputs, outputGradients);
        }
    }
}
