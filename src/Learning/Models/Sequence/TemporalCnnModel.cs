using static TorchSharp.torch;

namespace FedChain.Learning.Models.Sequence;

/// <summary>
/// A temporal convolutional network (Bai, Kolter &amp; Koltun 2018): <see cref="SequenceSpec.Layers"/>
/// causal Conv1d layers, layer l dilated by 2^l, ReLU after each, then Linear(filters + static,
/// outputs) on the last time step and the static features. Each layer's weight is torch's Conv1d
/// layout [out x in x kernel], then its bias. A convolution is the k shifted slices of the
/// left-padded input side by side, then <see cref="NeuralModel"/>'s broadcast Linear: no BLAS kernel.
/// </summary>
public sealed class TemporalCnnModel : NeuralModel
{
    public TemporalCnnModel(int inputCount, SequenceSpec sequence, int outputCount = 1, EpidemicHead? epidemic = null) : base(inputCount, outputCount, epidemic)
    {
        sequence.Validate(inputCount);
        Sequence = sequence;
    }

    public SequenceSpec Sequence { get; }

    private int K => Sequence.KernelSize;

    private int StaticCount => Sequence.StaticCount(InputCount);

    private int LayerInputs(int layer) => layer == 0 ? Sequence.Channels : Sequence.Hidden;

    private int LayerSize(int layer) => (LayerInputs(layer) * K + 1) * Sequence.Hidden;

    private int HeadOffset => Enumerable.Range(0, Sequence.Layers).Sum(LayerSize);

    public override int ParameterCount => HeadOffset + (Sequence.Hidden + StaticCount + 1) * TrunkOutputs;

    internal override Tensor Forward(Tensor parameters, Tensor x, List<LinearTap>? taps)
    {
        if (taps is not null) throw new NotSupportedException("TemporalCnnModel reuses its filters at every time step; DP-SGD's per-record gradients support linear and MLP models only");
        var n = x.shape[0];
        var steps = Sequence.Steps;
        var h = x.narrow(1, 0, (long)steps * Sequence.Channels).view(n, steps, Sequence.Channels);
        var offset = 0;
        for (var layer = 0; layer < Sequence.Layers; layer++)
        {
            var inputs = LayerInputs(layer);
            var dilation = 1 << layer;
            var padded = cat([zeros(n, (long)(K - 1) * dilation, inputs), h], 1);
            // Tap j of output step t reads input step t - (K - 1 - j) * dilation: [n, T, in, K], flattened as torch's (in, k).
            var shifted = stack([.. Enumerable.Range(0, K).Select(j => padded.narrow(1, (long)j * dilation, steps))], -1).reshape(n, steps, inputs * K);
            h = nn.functional.relu(Linear(parameters, shifted, offset, inputs * K, Sequence.Hidden, null));
            offset += LayerSize(layer);
        }

        var last = h.select(1, steps - 1);
        var features = StaticCount == 0 ? last : cat([last, x.narrow(1, (long)steps * Sequence.Channels, StaticCount)], 1);
        return Outputs(Linear(parameters, features, HeadOffset, Sequence.Hidden + StaticCount, TrunkOutputs, null), x);
    }

    /// <summary>Torch's Conv1d and Linear initialisation: U(-1/sqrt(fan_in), 1/sqrt(fan_in)), fan_in = in x kernel.</summary>
    public override float[] InitialParameters(Random random)
    {
        var parameters = new float[ParameterCount];
        var offset = 0;
        for (var layer = 0; layer < Sequence.Layers; layer++)
        {
            FillLinear(parameters, offset, LayerInputs(layer) * K, Sequence.Hidden, random);
            offset += LayerSize(layer);
        }

        FillLinear(parameters, HeadOffset, Sequence.Hidden + StaticCount, TrunkOutputs, random);
        return parameters;
    }
}
