using static TorchSharp.torch;

namespace FedChain.Learning.Models;

/// <summary>Linear layers with ReLU between them, ending in one output.</summary>
public sealed class MlpModel : ModelArchitecture
{
    private readonly int[] _widths;

    public MlpModel(int inputCount, IReadOnlyList<int> hidden) : base(inputCount)
    {
        if (hidden.Any(h => h <= 0)) throw new ArgumentException("hidden layer widths must be positive", nameof(hidden));
        _widths = [inputCount, .. hidden, 1];
    }

    public override int ParameterCount => Enumerable.Range(0, _widths.Length - 1).Sum(l => (_widths[l] + 1) * _widths[l + 1]);

    public override int OutputLayerLength => _widths[^2] + 1;

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

        return h.squeeze(1);
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
