using static TorchSharp.torch;

namespace FedChain.Learning.Privacy.DpSgd;

/// <summary>
/// A loss that is a sum of one term per record: given the batch's outputs and targets it returns a
/// vector with one loss per record. DP-SGD needs exactly this: a record's gradient is the gradient of
/// its own term, and clipping it bounds that record's influence.
/// </summary>
/// <param name="Name">The name a training plan uses for this loss.</param>
/// <param name="Compute">(outputs [B, ...], targets [B, ...]) to losses [B].</param>
public sealed record PerSampleLoss(string Name, Func<Tensor, Tensor, Tensor> Compute)
{
    /// <summary>Binary cross-entropy on logits (logistic regression); outputs and targets [B, 1] or [B].</summary>
    public static PerSampleLoss BinaryCrossEntropyWithLogits { get; } = new("bce-with-logits",
        (outputs, targets) => nn.functional.binary_cross_entropy_with_logits(outputs, targets.to_type(outputs.dtype), reduction: nn.Reduction.None)
            .reshape(outputs.shape[0], -1).sum(1));

    /// <summary>Multi-class cross-entropy on logits [B, C] with class indices [B].</summary>
    public static PerSampleLoss CrossEntropy { get; } = new("cross-entropy",
        (outputs, targets) => nn.functional.cross_entropy(outputs, targets.to_type(ScalarType.Int64), reduction: nn.Reduction.None));

    /// <summary>Squared error summed over each record's outputs.</summary>
    public static PerSampleLoss SquaredError { get; } = new("squared-error",
        (outputs, targets) => (outputs - targets.to_type(outputs.dtype).reshape(outputs.shape)).square().reshape(outputs.shape[0], -1).sum(1));

    /// <summary>
    /// The per-record loss a plan names, or a refusal. The Cox partial likelihood is refused: each
    /// event's term divides by a sum over its whole risk set, so one patient's record moves every
    /// other term that shares a risk set and no per-record gradient with bounded influence exists.
    /// DP-SGD's sensitivity argument (Abadi et al. 2016, §3.1) does not apply; see docs/privacy.md.
    /// </summary>
    public static PerSampleLoss ForName(string name) => name switch
    {
        "bce-with-logits" => BinaryCrossEntropyWithLogits,
        "cross-entropy" => CrossEntropy,
        "squared-error" => SquaredError,
        "cox" or "cox-partial-likelihood" => throw new NotSupportedException(
            $"loss '{name}': DP-SGD is refused for the Cox partial likelihood, which does not split into per-record terms " +
            "(each event's term depends on its whole risk set), so clipping per-record gradients would not bound one patient's influence. " +
            "Train survival models without DP-SGD, or with secure aggregation only; see docs/privacy.md."),
        _ => throw new ArgumentException($"loss '{name}' is not a per-record loss DP-SGD knows (bce-with-logits, cross-entropy, squared-error)", nameof(name)),
    };
}
