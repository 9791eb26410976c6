using static TorchSharp.torch;

namespace FedChain.Learning.Models;

/// <summary>Linear(d, outputs): logistic regression's logit, the linear Cox model's log-risk, or a log-linear count model.</summary>
public sealed class LinearModel(int inputCount, int outputCount = 1, EpidemicHead? epidemic = null) : NeuralModel(inputCount, outputCount, epidemic)
{
    public override int ParameterCount => (InputCount + 1) * TrunkOutputs;

    public override (int Weights, int Biases)? OutputLayer => (InputCount * TrunkOutputs, TrunkOutputs);

    internal override Tensor Forward(Tensor parameters, Tensor x, List<LinearTap>? taps) => Outputs(Linear(parameters, x, 0, InputCount, TrunkOutputs, taps), x);

    public override float[] InitialParameters(Random random)
    {
        var parameters = new float[ParameterCount];
        FillLinear(parameters, 0, InputCount, TrunkOutputs, random);
        return parameters;
    }
}
