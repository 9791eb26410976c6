using static TorchSharp.torch;

namespace FedChain.Learning.Models;

/// <summary>
/// One Linear layer's input rows (detached) and output rows (in the autograd graph), recorded by a
/// forward pass so that DP-SGD can form every record's gradient from one backward pass.
/// </summary>
internal sealed record LinearTap(Tensor Input, Tensor Output);
