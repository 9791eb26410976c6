using static TorchSharp.torch;

namespace FedChain.Learning.Models;

/// <summary>
/// A model as a function of one flat parameter vector, laid out as torch's <c>parameters()</c>
/// order would be (each Linear: weight [out x in] row-major, then bias). Keeping the parameters
/// flat makes update vectors, FedProx terms and hashes direct, and lets initial parameters come
/// from C# with the plan seed instead of torch's global generator.
/// </summary>
public abstract class ModelArchitecture
{
    protected ModelArchitecture(int inputCount) => InputCount = inputCount;

    public int InputCount { get; }

    public abstract int ParameterCount { get; }

    /// <summary>Parameters of the last Linear layer (weights, then bias), which end the flat vector: the whole model for a linear one.</summary>
    public virtual int OutputLayerLength => ParameterCount;

    /// <summary>One score per row of <paramref name="x"/> [n, d]: a logit, or a Cox log-risk.</summary>
    public Tensor Score(Tensor parameters, Tensor x) => Forward(parameters, x, null);

    /// <summary>
    /// The forward pass. When <paramref name="taps"/> is given, each Linear layer appends its input and
    /// output to it, in layer order (which is also the order of the flat vector): DP-SGD's per-record
    /// gradients need them (Privacy/DpSgd/PerSampleGradients).
    /// </summary>
    internal abstract Tensor Forward(Tensor parameters, Tensor x, List<LinearTap>? taps);

    /// <summary>Torch's default Linear initialisation, U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weights and biases, drawn in C#.</summary>
    public abstract float[] InitialParameters(Random random);

    public static ModelArchitecture Create(ModelSpec spec, int inputCount) => spec.Kind switch
    {
        ModelKind.Mlp => new MlpModel(inputCount, spec.Hidden is { Count: > 0 } h ? h : throw new ArgumentException("an MLP needs at least one hidden layer width", nameof(spec))),
        _ => new LinearModel(inputCount),
    };

    /// <summary>
    /// The forward pass of one Linear layer stored at <paramref name="offset"/> in the flat vector,
    /// as a broadcast multiply and a sum rather than a BLAS matmul. With matmul, the same plan run
    /// twice in one process sometimes differed by an ulp (MKL may round differently with the memory
    /// alignment of its inputs); ATen's own elementwise and reduction kernels gave identical bits. The models are
    /// small, so the extra memory does not matter.
    /// </summary>
    private protected static Tensor Linear(Tensor parameters, Tensor x, int offset, int inputs, int outputs, List<LinearTap>? taps)
    {
        var weight = parameters.narrow(0, offset, (long)inputs * outputs).view(outputs, inputs);
        var bias = parameters.narrow(0, offset + (long)inputs * outputs, outputs);
        var output = (x.unsqueeze(1) * weight.unsqueeze(0)).sum(-1) + bias;
        taps?.Add(new LinearTap(x.detach(), output));
        return output;
    }

    protected static void FillLinear(float[] target, int offset, int inputs, int outputs, Random random)
    {
        var bound = 1.0 / Math.Sqrt(inputs);
        for (var i = 0; i < (inputs + 1) * outputs; i++) target[offset + i] = (float)((random.NextDouble() * 2 - 1) * bound);
    }
}
