using FedChain.Learning.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedChain.Learning.Tests.Training;

/// <summary>The local optimiser replaces TorchSharp's optim.SGD and optim.Adam, so it must give their bits.</summary>
public sealed class FlatOptimizerTests
{
    [Theory]
    [InlineData(ClientOptimizer.Sgd, 0.1)]
    [InlineData(ClientOptimizer.Adam, 0.01)]
    public void Step_TwentySteps_GivesTorchSharpsOptimiserBits(ClientOptimizer kind, double learningRate)
    {
        var start = Enumerable.Range(0, 64).Select(i => (float)Math.Sin(i * 0.7)).ToArray();
        var target = tensor(Enumerable.Range(0, 64).Select(i => (float)Math.Cos(i * 1.3)).ToArray());

        var ours = Train(start, target, w => new Stepper(new FlatOptimizer(kind, w, learningRate)));
        var theirs = Train(start, target, w => new Stepper(kind == ClientOptimizer.Adam ? optim.Adam([w], learningRate) : optim.SGD([w], learningRate)));

        Assert.Equal(theirs, ours);
        Assert.NotEqual(start, ours);
    }

    private static float[] Train(float[] start, Tensor target, Func<Parameter, Stepper> optimiser)
    {
        using var scope = NewDisposeScope();
        var weights = new Parameter(tensor(start), requires_grad: true);
        using var stepper = optimiser(weights);
        for (var step = 0; step < 20; step++)
        {
            stepper.ZeroGrad();
            ((weights - target).square() * (weights.sigmoid() + 0.5)).sum().backward();
            stepper.Step();
        }

        return weights.detach().data<float>().ToArray();
    }

    private sealed class Stepper : IDisposable
    {
        private readonly FlatOptimizer? _ours;
        private readonly optim.Optimizer? _theirs;

        public Stepper(FlatOptimizer ours) => _ours = ours;

        public Stepper(optim.Optimizer theirs) => _theirs = theirs;

        public void ZeroGrad()
        {
            if (_ours is not null) _ours.ZeroGrad();
            else _theirs!.zero_grad();
        }

        public void Step()
        {
            if (_ours is not null) _ours.Step();
            else _theirs!.step();
        }

        public void Dispose()
        {
            _ours?.Dispose();
            _theirs?.Dispose();
        }
    }
}
