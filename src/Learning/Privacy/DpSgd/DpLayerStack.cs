using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedChain.Learning.Privacy.DpSgd;

/// <summary>
/// A model DP-SGD can take per-record gradients of: a <see cref="Sequential"/> of Linear layers and
/// element-wise activations, fed [B, features]. Each record's rows stay apart through such a stack,
/// which is what lets one backward pass give every record's gradient.
/// </summary>
internal sealed class DpLayerStack
{
    private DpLayerStack(IReadOnlyList<nn.Module<Tensor, Tensor>> layers, IReadOnlyList<Linear> linears)
    {
        Layers = layers;
        Linears = linears;
    }

    public IReadOnlyList<nn.Module<Tensor, Tensor>> Layers { get; }

    public IReadOnlyList<Linear> Linears { get; }

    /// <summary>The trainable parameters, in the order of the model's parameters().</summary>
    public IEnumerable<Parameter> Parameters => Linears.SelectMany(l => l.bias is null ? [l.weight!] : new[] { l.weight!, l.bias });

    public static DpLayerStack From(Sequential model)
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var linears = new List<Linear>();
        foreach (var (name, child) in model.named_children())
        {
            switch (child)
            {
                case Linear linear:
                    linears.Add(linear);
                    layers.Add(linear);
                    break;
                case ReLU or LeakyReLU or Tanh or Sigmoid or GELU or ELU or SiLU or Softplus or Identity:
                    layers.Add((nn.Module<Tensor, Tensor>)child);
                    break;
                default:
                    throw new NotSupportedException(
                        $"layer '{name}' ({child.GetType().Name}): DP-SGD per-record gradients support Linear layers and element-wise activations " +
                        "(ReLU, LeakyReLU, Tanh, Sigmoid, GELU, ELU, SiLU, Softplus, Identity); layers that mix records (batch norm) or carry other parameters are not supported");
            }
        }
        if (linears.Count == 0) throw new NotSupportedException("the model has no Linear layer: nothing for DP-SGD to train");
        var stack = new DpLayerStack(layers, linears);
        var expected = model.parameters().Where(p => p.requires_grad).Select(p => p.Handle).ToArray();
        if (!expected.SequenceEqual(stack.Parameters.Select(p => p.Handle)))
            throw new NotSupportedException("the model's trainable parameters are not exactly its Linear layers' weights and biases");
        return stack;
    }
}
