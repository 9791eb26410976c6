using static FedChain.Learning.Models.TorchScalars;
using static TorchSharp.torch;

namespace FedChain.Learning.Models.Sequence;

/// <summary>
/// A one-layer recurrent network over the row's time steps, then Linear(hidden + static, outputs) on
/// the last hidden state and the static features. The flat vector holds torch's parameters in
/// torch's order (weight_ih [G*H x C], weight_hh [G*H x H], bias_ih, bias_hh, then the head), with G
/// gates per step. Each step is built from broadcast multiplies, sums and elementwise functions
/// (<see cref="NeuralModel"/>), never a fused BLAS kernel, so training repeats bit for bit.
/// </summary>
public abstract class RecurrentModel : NeuralModel
{
    private protected RecurrentModel(int inputCount, SequenceSpec sequence, int outputCount, int gates, EpidemicHead? epidemic) : base(inputCount, outputCount, epidemic)
    {
        sequence.Validate(inputCount);
        Sequence = sequence;
        Gates = gates;
    }

    public SequenceSpec Sequence { get; }

    private protected int Gates { get; }

    private int H => Sequence.Hidden;

    private int C => Sequence.Channels;

    private int StaticCount => Sequence.StaticCount(InputCount);

    private int HeadOffset => Gates * H * (C + H + 2);

    public override int ParameterCount => HeadOffset + (H + StaticCount + 1) * TrunkOutputs;

    internal override Tensor Forward(Tensor parameters, Tensor x, List<LinearTap>? taps)
    {
        if (taps is not null) throw new NotSupportedException($"{GetType().Name} reuses its weights at every time step; DP-SGD's per-record gradients support linear and MLP models only");
        var n = x.shape[0];
        var steps = x.narrow(1, 0, (long)Sequence.Steps * C).view(n, Sequence.Steps, C);
        var gh = Gates * H;
        var biasIh = parameters.narrow(0, gh * (C + H), gh);
        var biasHh = parameters.narrow(0, gh * (C + H + 1), gh);
        // The input part of every gate for every step at once: [n, T, G*H].
        var inputGates = Plus(Multiply(parameters, steps, 0, C, gh), biasIh);
        var state = zeros(n, H);
        var cell = zeros(n, H);
        for (var t = 0; t < Sequence.Steps; t++)
        {
            var hiddenGates = Plus(Multiply(parameters, state, gh * C, H, gh), biasHh);
            (state, cell) = Step(inputGates.select(1, t), hiddenGates, state, cell);
        }

        var features = StaticCount == 0 ? state : cat([state, x.narrow(1, (long)Sequence.Steps * C, StaticCount)], 1);
        return Outputs(Linear(parameters, features, HeadOffset, H + StaticCount, TrunkOutputs, null), x);
    }

    /// <summary>One time step from the input and hidden parts of the gates ([n, G*H] each).</summary>
    private protected abstract (Tensor State, Tensor Cell) Step(Tensor inputGates, Tensor hiddenGates, Tensor state, Tensor cell);

    /// <summary>Gate <paramref name="g"/>'s slice of a [n, G*H] tensor.</summary>
    private protected Tensor Gate(Tensor gates, int g) => gates.narrow(1, (long)g * H, H);

    /// <summary>Torch's initialisation: every recurrent weight and bias U(-1/sqrt(H), 1/sqrt(H)); the head as a Linear.</summary>
    public override float[] InitialParameters(Random random)
    {
        var parameters = new float[ParameterCount];
        FillUniform(parameters, 0, HeadOffset, 1.0 / Math.Sqrt(H), random);
        FillLinear(parameters, HeadOffset, H + StaticCount, TrunkOutputs, random);
        return parameters;
    }
}
