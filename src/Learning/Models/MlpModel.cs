using static TorchSharp.torch;

namespace FedChain.Learning.Models;

/// <summary>
/// Linear layers with ReLU between them: a classifier's logit, DeepSurv's log-risk (Katzman et al.
/// 2018, an MLP trained with the Cox partial likelihood), or a count model's outputs.
/// </summary>
public sealed class MlpModel : NeuralModel
{
    private readonly int[] _widths;

    public MlpModel(int inputCount, IReadOnlyList<int> hidden, int outputCount = 1, EpidemicHead? epidemic = null) : base(inputCount, outputCount, epidemic)
    {
        if (hidden.Any(h => h <= 0)) throw new ArgumentException("hidden layer widths must be positive", nameof(hidden));
        _widths = [inputCount, .. hidden, TrunkOutputs];
    }

    public override int ParameterCount => Enumerable.Range(0, _widths.Length - 1).Sum(l => (_widths[l] + 1) * _widths[l + 1]);

    public override (int Weights, int Biases)? OutputLayer => (_widths[^2] * _widths[^1], _widths[^1]);

    internal override Tensor Forward(Tensor parameters, Tensor x, List<LinearTap>? taps)
    {
        var offset = 0;
        var h = x;
        for (var l = 0; l < _widths.Length - 1; l++)
        {
            h = Linear(parameters, h, offset, _widths[l], _widths[l + 1], taps);
            if (l < _widths.Length - 2) h = nn.functional.relu(h);
            offset += (_widths[l] + 1) * _widths[l + 1];
        }

        return Outputs(h, x);
    }

    public override float[] InitialParameters(Random random)
    {
        var parameters = new float[ParameterCount];
        var offset = 0;
        for (var l = 0; l < _widths.Length - 1; l++)
        {
            FillLinear(parameters, offset, _widths[l], _widths[l + 1], random);
            offset += (_widths[l] + 1) * _widths[l + 1];
        }

        return parameters;
    }
}
