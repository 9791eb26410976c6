using static FedChain.Learning.Models.TorchScalars;
using static TorchSharp.torch;

namespace FedChain.Learning.Models.Sequence;

/// <summary>
/// GRU (Cho et al. 2014) with torch's equations and gate order (r, z, n):
/// r = sigma(W_ir x + b_ir + W_hr h + b_hr), z = sigma(W_iz x + b_iz + W_hz h + b_hz),
/// n = tanh(W_in x + b_in + r * (W_hn h + b_hn)), h' = (1 - z) * n + z * h.
/// </summary>
public sealed class GruModel(int inputCount, SequenceSpec sequence, int outputCount = 1, EpidemicHead? epidemic = null) : RecurrentModel(inputCount, sequence, outputCount, gates: 3, epidemic)
{
    private protected override (Tensor State, Tensor Cell) Step(Tensor inputGates, Tensor hiddenGates, Tensor state, Tensor cell)
    {
        var r = sigmoid(Plus(Gate(inputGates, 0), Gate(hiddenGates, 0)));
        var z = sigmoid(Plus(Gate(inputGates, 1), Gate(hiddenGates, 1)));
        var n = tanh(Plus(Gate(inputGates, 2), r * Gate(hiddenGates, 2)));
        return (Plus(Minus(1, z) * n, z * state), cell);
    }
}
