using FedChain.Learning.Data;
using static FedChain.Learning.Models.TorchScalars;
using static TorchSharp.torch;

namespace FedChain.Learning.Models;

/// <summary>
/// A TorchSharp model as a function of one flat parameter vector, laid out as torch's
/// <c>parameters()</c> order would be (each Linear: weight [out x in] row-major, then bias). Keeping
/// the parameters flat makes update vectors, FedProx terms and hashes direct, and lets initial
/// parameters come from C# with the plan seed instead of torch's global generator.
/// Every layer is built from <see cref="Linear"/> (a broadcast multiply and a sum), elementwise
/// functions and slices, never a BLAS kernel, so repeated runs give the same bits.
/// </summary>
public abstract class NeuralModel(int inputCount, int outputCount, EpidemicHead? epidemic) : ModelArchitecture(inputCount, outputCount)
{
    /// <summary>The endemic-epidemic mean, when the plan asks for it (count tasks).</summary>
    public EpidemicHead? Epidemic { get; } = epidemic;

    /// <summary>Width of the last layer: the outputs, or with <see cref="Epidemic"/> the log endemic rate, one log rate per epidemic input and (negative binomial) the log size.</summary>
    public int TrunkOutputs => Epidemic is null ? OutputCount : OutputCount + Epidemic.Inputs.Count;

    /// <summary>Scores of the rows of <paramref name="x"/> [n, d]: [n] with one output, [n, 2] with two.</summary>
    public Tensor Score(Tensor parameters, Tensor x) => Forward(parameters, x, null);

    /// <summary>
    /// The forward pass. When <paramref name="taps"/> is given, each Linear layer appends its input and
    /// output to it, in layer order (which is also the order of the flat vector): DP-SGD's per-record
    /// gradients need them (Privacy/DpSgd/PerSampleGradients). Families that reuse a layer across
    /// time steps cannot give per-record gradients this way and refuse taps.
    /// </summary>
    internal abstract Tensor Forward(Tensor parameters, Tensor x, List<LinearTap>? taps);

    public override float[] Predict(float[] parameters, SiteDataset data)
    {
        if (data.Count == 0) return [];
        TorchRuntime.EnsureDeterministic();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = tensor(data.Features, [data.Count, data.FeatureCount]);
        return Score(tensor(parameters), x).contiguous().data<float>().ToArray();
    }

    /// <summary>The last layer [n, TrunkOutputs] as scores: [n] for one output, [n, 2] for two; with <see cref="Epidemic"/>, log mu first.</summary>
    private protected Tensor Outputs(Tensor last, Tensor x)
    {
        if (Epidemic is not { } head) return OutputCount == 1 ? last.squeeze(1) : last;
        var mean = last.select(1, 0).exp();
        for (var k = 0; k < head.Inputs.Count; k++) mean = Plus(mean, last.select(1, 1 + k).exp() * x.select(1, head.Inputs[k]).expm1());
        var logMean = mean.log();
        return OutputCount == 1 ? logMean : stack([logMean, last.select(1, TrunkOutputs - 1)], 1);
    }

    /// <summary>
    /// The forward pass of one Linear layer stored at <paramref name="offset"/> in the flat vector,
    /// as a broadcast multiply and a sum rather than a BLAS matmul. With matmul, the same plan run
    /// twice in one process sometimes differed by an ulp (MKL may round differently with the memory
    /// alignment of its inputs); ATen's own elementwise and reduction kernels gave identical bits. The models are
    /// small, so the extra memory does not matter. <paramref name="x"/> is [..., inputs].
    /// </summary>
    private protected static Tensor Linear(Tensor parameters, Tensor x, int offset, int inputs, int outputs, List<LinearTap>? taps)
    {
        var weight = parameters.narrow(0, offset, (long)inputs * outputs).view(outputs, inputs);
        var bias = parameters.narrow(0, offset + (long)inputs * outputs, outputs);
        var output = Plus((x.unsqueeze(-2) * weight).sum(-1), bias);
        taps?.Add(new LinearTap(x.detach(), output));
        return output;
    }

    /// <summary>x [..., inputs] times a weight [outputs x inputs] stored at <paramref name="offset"/>, no bias.</summary>
    private protected static Tensor Multiply(Tensor parameters, Tensor x, int offset, int inputs, int outputs) =>
        (x.unsqueeze(-2) * parameters.narrow(0, offset, (long)inputs * outputs).view(outputs, inputs)).sum(-1);

    /// <summary>Torch's default Linear initialisation, U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weights and biases, drawn in C#.</summary>
    protected static void FillLinear(float[] target, int offset, int inputs, int outputs, Random random) =>
        FillUniform(target, offset, (inputs + 1) * outputs, 1.0 / Math.Sqrt(inputs), random);

    /// <summary>U(-bound, bound) into <paramref name="count"/> values from <paramref name="offset"/>.</summary>
    protected static void FillUniform(float[] target, int offset, int count, double bound, Random random)
    {
        for (var i = 0; i < count; i++) target[offset + i] = (float)((random.NextDouble() * 2 - 1) * bound);
    }
}
