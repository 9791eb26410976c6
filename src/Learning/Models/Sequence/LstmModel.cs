using static FedChain.Learning.Models.TorchScalars;
using static TorchSharp.torch;

namespace FedChain.Learning.Models.Sequence;

/// <summary>
/// LSTM (Hochreiter &amp; Schmidhuber 1997) with torch's equations and gate order (i, f, g, o):
/// c' = sigma(f) * c + sigma(i) * tanh(g), h' = sigma(o) * tanh(c').
/// </summary>
public sealed class LstmModel(int inputCount, SequenceSpec sequence, int outputCount = 1, EpidemicHead? epidemic = null) : RecurrentModel(inputCount, sequence, outputCount, gates: 4, epidemic)
{
    private protected override (Tensor State, Tensor Cell) Step(Tensor inputGates, Tensor hiddenGates, Tensor state, Tensor cell)
    {
        var gates = Plus(inputGates, hiddenGates);
        var next = Plus(sigmoid(Gate(gates, 1)) * cell, sigmoid(Gate(gates, 0)) * tanh(Gate(gates, 2)));
        return (sigmoid(Gate(gates, 3)) * tanh(next), next);
    }
}
