using static TorchSharp.torch;

namespace FedChain.Learning.Privacy.DpSgd;

/// <summary>The sum over a batch of per-record gradients, each first clipped to L2 norm at most C.</summary>
/// <param name="Sum">One tensor per trainable parameter, in the order of the model's parameters().</param>
/// <param name="Norms">Each record's gradient norm before clipping, [B]. It stays on the node.</param>
public sealed record ClippedGradientSum(IReadOnlyList<Tensor> Sum, Tensor Norms) : IDisposable
{
    public void Dispose()
    {
        foreach (var tensor in Sum) tensor.Dispose();
        Norms.Dispose();
    }
}
