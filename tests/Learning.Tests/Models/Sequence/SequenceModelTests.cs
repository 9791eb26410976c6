using FedChain.Learning.Models.Sequence;
using static TorchSharp.torch;

namespace FedChain.Learning.Tests.Models.Sequence;

/// <summary>Our broadcast-built layers against libtorch's own GRU, LSTM and Conv1d on the same parameters.</summary>
public sealed class SequenceModelTests
{
    private const int Steps = 5, Channels = 3, Hidden = 4, Static = 2, Rows = 6;

    private static readonly SequenceSpec Spec = new(Steps, Channels, Hidden, Layers: 2, KernelSize: 2);

    private static Tensor Inputs() => tensor([.. Enumerable.Range(0, Rows * (Steps * Channels + Static)).Select(i => (float)Math.Sin(i * 0.37))], [Rows, Steps * Channels + Static]);

    [Fact]
    public void Gru_EqualsTorchGruOnTheSameParameters()
    {
        var sut = new GruModel(Steps * Channels + Static, Spec);
        var parameters = sut.InitialParameters(new Random(3));
        var x = Inputs();

        var ours = sut.Score(tensor(parameters), x);
        using var gru = nn.GRU(Channels, Hidden, batchFirst: true);
        var (_, last) = gru.call(Load(gru, parameters, x));

        AssertClose(Head(parameters, last[0], x, 3), ours);
    }

    [Fact]
    public void Lstm_EqualsTorchLstmOnTheSameParameters()
    {
        var sut = new LstmModel(Steps * Channels + Static, Spec);
        var parameters = sut.InitialParameters(new Random(4));
        var x = Inputs();

        var ours = sut.Score(tensor(parameters), x);
        using var lstm = nn.LSTM(Channels, Hidden, batchFirst: true);
        var (_, last, _) = lstm.call(Load(lstm, parameters, x));

        AssertClose(Head(parameters, last[0], x, 4), ours);
    }

    [Fact]
    public void TemporalCnn_EqualsTorchCausalDilatedConv1d()
    {
        var sut = new TemporalCnnModel(Steps * Channels + Static, Spec);
        var parameters = sut.InitialParameters(new Random(5));
        var x = Inputs();
        var p = tensor(parameters);

        var ours = sut.Score(p, x);
        var h = x.narrow(1, 0, Steps * Channels).view(Rows, Steps, Channels).permute(0, 2, 1);
        var offset = 0;
        for (var layer = 0; layer < 2; layer++)
        {
            var inputs = layer == 0 ? Channels : Hidden;
            var weight = p.narrow(0, offset, inputs * 2 * Hidden).view(Hidden, inputs, 2);
            var bias = p.narrow(0, offset + inputs * 2 * Hidden, Hidden);
            var dilation = 1 << layer;
            // Left padding only: causal.
            h = nn.functional.relu(nn.functional.conv1d(nn.functional.pad(h, [dilation, 0]), weight, bias, dilation: dilation));
            offset += (inputs * 2 + 1) * Hidden;
        }

        var features = cat([h.select(2, Steps - 1), x.narrow(1, Steps * Channels, Static)], 1);
        var expected = (features * p.narrow(0, offset, Hidden + Static)).sum(1) + p[offset + Hidden + Static];
        AssertClose(expected, ours);
    }

    [Fact]
    public void Gru_TwoOutputs_GivesARowOfTwoScores()
    {
        var sut = new GruModel(Steps * Channels + Static, Spec, outputCount: 2);

        Assert.Equal([Rows, 2L], sut.Score(tensor(sut.InitialParameters(new Random(1))), Inputs()).shape);
        Assert.Equal(3 * Hidden * (Channels + Hidden + 2) + (Hidden + Static + 1) * 2, sut.ParameterCount);
    }

    [Fact]
    public void Spec_TooFewFeatures_IsRefusedWithTheCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => new GruModel(10, Spec));

        Assert.Contains("needs 15 features", error.Message);
    }

    // Copies our flat weights into torch's module (same order: weight_ih, weight_hh, bias_ih, bias_hh) and returns the sequence input.
    private static Tensor Load(nn.Module module, float[] parameters, Tensor x)
    {
        var offset = 0L;
        using (no_grad())
        {
            foreach (var (_, parameter) in module.named_parameters())
            {
                parameter.copy_(tensor(parameters).narrow(0, offset, parameter.numel()).view(parameter.shape));
                offset += parameter.numel();
            }
        }

        return x.narrow(1, 0, Steps * Channels).view(Rows, Steps, Channels);
    }

    private static Tensor Head(float[] parameters, Tensor lastHidden, Tensor x, int gates)
    {
        var offset = gates * Hidden * (Channels + Hidden + 2);
        var p = tensor(parameters);
        var features = cat([lastHidden, x.narrow(1, Steps * Channels, Static)], 1);
        return (features * p.narrow(0, offset, Hidden + Static)).sum(1) + p[offset + Hidden + Static];
    }

    private static void AssertClose(Tensor expected, Tensor actual)
    {
        var e = expected.detach().data<float>().ToArray();
        var a = actual.detach().data<float>().ToArray();
        Assert.Equal(e.Length, a.Length);
        Assert.True(e.Zip(a, (u, v) => Math.Abs(u - v)).Max() < 1e-5, $"largest difference {e.Zip(a, (u, v) => Math.Abs(u - v)).Max()}");
    }
}
