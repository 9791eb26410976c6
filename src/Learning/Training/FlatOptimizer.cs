using FedChain.Learning.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedChain.Learning.Training;

/// <summary>
/// The local optimiser over one flat parameter vector: plain SGD, or Adam (Kingma and Ba 2015,
/// algorithm 1) with PyTorch's defaults (betas 0.9 and 0.999, eps 1e-8, no weight decay). The same
/// libtorch calls in the same order as TorchSharp's <c>optim.SGD</c> and <c>optim.Adam</c> (so the
/// same bits), with every <see cref="Scalar"/> held until libtorch has read it: TorchSharp's own steps
/// create temporary Scalars a GC can free mid-call (<see cref="TorchScalars"/>).
/// </summary>
internal sealed class FlatOptimizer : IDisposable
{
    private const double Beta1 = 0.9, Beta2 = 0.999, Eps = 1e-8;

    private readonly Parameter _weights;
    private readonly double _learningRate;
    private readonly bool _adam;
    private Tensor? _expAvg, _expAvgSq;
    private long _step;

    public FlatOptimizer(ClientOptimizer kind, Parameter weights, double learningRate)
    {
        _weights = weights;
        _learningRate = learningRate;
        _adam = kind == ClientOptimizer.Adam;
    }

    public void ZeroGrad()
    {
        if (_weights.grad is { } grad) grad.zero_();
    }

    public void Step()
    {
        if (_weights.grad is not { } grad) return;
        using var _ = no_grad();
        if (!_adam)
        {
            TorchScalars.AddInPlace(_weights, grad, -_learningRate);
            return;
        }

        _expAvg ??= zeros_like(_weights).DetachFromDisposeScope();
        _expAvgSq ??= zeros_like(_weights).DetachFromDisposeScope();
        _step++;
        var biasCorrection1 = 1 - Math.Pow(Beta1, _step);
        var biasCorrection2 = 1 - Math.Pow(Beta2, _step);
        using (var beta1 = Beta1.ToScalar())
            TorchScalars.AddInPlace(_expAvg.mul_(beta1), grad, 1 - Beta1);
        using (var beta2 = Beta2.ToScalar())
        using (var value = (1 - Beta2).ToScalar())
            _expAvgSq.mul_(beta2).addcmul_(grad, grad, value);
        using var denominator = TorchScalars.Over(_expAvgSq.sqrt(), Math.Sqrt(biasCorrection2));
        TorchScalars.PlusInPlace(denominator, Eps);
        using var stepSize = (-(_learningRate / biasCorrection1)).ToScalar();
        _weights.addcdiv_(_expAvg, denominator, stepSize);
    }

    public void Dispose()
    {
        _expAvg?.Dispose();
        _expAvgSq?.Dispose();
    }
}
