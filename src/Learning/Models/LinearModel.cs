using static TorchSharp.torch;

namespace FedChain.Learning.Models;

/// <summary>Linear(d, 1): logistic regression's logit, or the linear Cox model's log-risk.</summary>
public sealed class LinearModel(int inputCount) : ModelArchitecture(inputCount)
{
    public override int ParameterCount => InputCount + 1;

    internal override Tensor Forward(Tensor parameters, Tensor x, List<LinearTap>? taps) => Linear(parameters, x, 0, InputCount, 1, taps).squeeze(1);

    public override float[] InitialParameters(Random random)
    {
        var parameters = new float[ParameterCount];
        FillLinear(parameters, 0, InputCount, 1, random);
        return parameters;
    }
}
