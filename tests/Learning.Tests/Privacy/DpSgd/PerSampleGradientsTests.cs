using FedChain.Learning.Models;
using FedChain.Learning.Privacy.DpSgd;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedChain.Learning.Tests.Privacy.DpSgd;

/// <summary>The batched per-record gradients equal the record-by-record ones, before and after clipping.</summary>
public sealed class PerSampleGradientsTests
{
    private const double Tolerance = 1e-5;

    public static TheoryData<string> Models => ["logistic", "mlp"];

    [Theory]
    [MemberData(nameof(Models))]
    public void Compute_Batched_EqualsRecordByRecordBackward(string kind)
    {
        var (model, x, y, loss) = Setup(kind);

        var batched = PerSampleGradients.Compute(model, x, y, loss);

        var loop = RecordByRecord(model, x, y, loss);
        for (var p = 0; p < loop.Count; p++) AssertClose(loop[p], batched[p]);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Clip_Batched_EqualsRecordByRecordClipping(string kind)
    {
        var (model, x, y, loss) = Setup(kind);
        var loop = RecordByRecord(model, x, y, loss);
        var clipNorm = MedianNorm(loop);

        var clipped = PerSampleGradients.Clip(PerSampleGradients.Compute(model, x, y, loss), clipNorm);

        var expected = ClipEachRecord(loop, clipNorm);
        for (var p = 0; p < loop.Count; p++) AssertClose(expected[p], clipped[p]);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void ClippedSum_WithoutMaterialising_EqualsSumOfRecordByRecordClippedGradients(string kind)
    {
        var (model, x, y, loss) = Setup(kind);
        var loop = RecordByRecord(model, x, y, loss);
        var clipNorm = MedianNorm(loop);

        using var sut = PerSampleGradients.ClippedSum(model, x, y, loss, clipNorm);

        var expected = ClipEachRecord(loop, clipNorm);
        for (var p = 0; p < loop.Count; p++) AssertClose(expected[p].sum(dim: 0), sut.Sum[p]);
        // The median as C: about half the records were clipped, so both branches of min(1, C/|g|) ran.
        var clipped = (sut.Norms > clipNorm).sum().item<long>();
        Assert.InRange(clipped, 1, x.shape[0] - 1);
    }

    [Fact]
    public void ClippedSum_FlatModel_EqualsRecordByRecordOnTheSameSequential()
    {
        // The plans' MLP, its flat parameters copied into a Sequential of the same shape (per layer: weight row-major, then bias).
        var flat = new MlpModel(13, [16]);
        var parameters = tensor(flat.InitialParameters(new Random(3)));
        var model = nn.Sequential(("fc1", nn.Linear(13, 16)), ("relu", nn.ReLU()), ("fc2", nn.Linear(16, 1)));
        using (no_grad())
        {
            var offset = 0L;
            foreach (var p in model.parameters())
            {
                p.copy_(parameters.narrow(0, offset, p.numel()).view(p.shape));
                offset += p.numel();
            }
        }

        random.manual_seed(11);
        var x = randn(24, 13);
        var y = (x[.., 0] > 0).to_type(ScalarType.Float32);
        var loop = RecordByRecord(model, x, y.unsqueeze(1), PerSampleLoss.BinaryCrossEntropyWithLogits);
        var clipNorm = MedianNorm(loop);

        using var sut = PerSampleGradients.ClippedSum(flat, parameters, x, y, PerSampleLoss.BinaryCrossEntropyWithLogits, clipNorm);

        var expected = cat([.. ClipEachRecord(loop, clipNorm).Select(g => g.sum(dim: 0).flatten())]);
        AssertClose(expected, sut.Sum[0]);
        Assert.InRange((sut.Norms > clipNorm).sum().item<long>(), 1, x.shape[0] - 1);
    }

    [Fact]
    public void Compute_BatchNormInTheStack_RefusesNamingTheLayer()
    {
        var model = nn.Sequential(("fc", nn.Linear(3, 4)), ("norm", nn.BatchNorm1d(4)), ("out", nn.Linear(4, 1)));

        var error = Assert.Throws<NotSupportedException>(() =>
            PerSampleGradients.Compute(model, ones(2, 3), ones(2, 1), PerSampleLoss.BinaryCrossEntropyWithLogits));

        Assert.Contains("layer 'norm' (BatchNorm1d)", error.Message);
    }

    [Theory]
    [InlineData("cox")]
    [InlineData("cox-partial-likelihood")]
    public void ForName_CoxPartialLikelihood_IsRefusedWithTheReason(string name)
    {
        var error = Assert.Throws<NotSupportedException>(() => PerSampleLoss.ForName(name));

        Assert.Contains("does not split into per-record terms", error.Message);
    }

    internal static (Sequential Model, Tensor X, Tensor Y, PerSampleLoss Loss) Setup(string kind)
    {
        random.manual_seed(11);
        var x = randn(24, 13);
        if (kind == "logistic")
        {
            var y = (x[.., 0] > 0).to_type(ScalarType.Float32).unsqueeze(1);
            return (nn.Sequential(("linear", nn.Linear(13, 1))), x, y, PerSampleLoss.BinaryCrossEntropyWithLogits);
        }
        var model = nn.Sequential(("fc1", nn.Linear(13, 16)), ("relu", nn.ReLU()), ("fc2", nn.Linear(16, 8)), ("tanh", nn.Tanh()), ("fc3", nn.Linear(8, 3)));
        return (model, x, randint(0, 3, 24), PerSampleLoss.CrossEntropy);
    }

    // The reference: one forward and backward per record, gradients read from .grad.
    private static List<Tensor> RecordByRecord(Sequential model, Tensor x, Tensor y, PerSampleLoss loss)
    {
        var perRecord = new List<List<Tensor>>();
        for (var i = 0; i < x.shape[0]; i++)
        {
            model.zero_grad();
            loss.Compute(model.forward(x[i..(i + 1)]), y[i..(i + 1)]).sum().backward();
            perRecord.Add([.. model.parameters().Select(p => p.grad!.clone())]);
        }
        return [.. Enumerable.Range(0, perRecord[0].Count).Select(p => stack(perRecord.Select(r => r[p]).ToArray()))];
    }

    private static List<Tensor> ClipEachRecord(List<Tensor> perSample, double clipNorm)
    {
        var records = perSample[0].shape[0];
        var result = perSample.Select(g => g.clone()).ToList();
        for (var i = 0; i < records; i++)
        {
            var norm = Math.Sqrt(perSample.Sum(g => g[i].square().sum().item<float>()));
            var factor = Math.Min(1, clipNorm / norm);
            foreach (var g in result) g[i].mul_(factor);
        }
        return result;
    }

    private static double MedianNorm(List<Tensor> perSample)
    {
        var norms = Enumerable.Range(0, (int)perSample[0].shape[0])
            .Select(i => Math.Sqrt(perSample.Sum(g => g[i].square().sum().item<float>()))).Order().ToArray();
        return norms[norms.Length / 2];
    }

    private static void AssertClose(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.shape, actual.shape);
        var largest = (expected - actual).abs().max().item<float>();
        Assert.True(largest <= Tolerance, $"largest difference {largest} > {Tolerance}");
    }
}
