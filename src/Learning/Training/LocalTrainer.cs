using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Models;
using TorchSharp.Modules;
using static FedChain.Learning.Models.TorchScalars;
using static TorchSharp.torch;

namespace FedChain.Learning.Training;

/// <summary>
/// Trains a flat parameter vector on one site's rows with TorchSharp: SGD or Adam, fixed steps or
/// epochs, optional FedProx proximal term and optional SCAFFOLD gradient correction. Deterministic
/// for the same inputs and batch <see cref="Random"/>.
/// </summary>
public static class LocalTrainer
{
    /// <param name="start">Initial parameters (the global model).</param>
    /// <param name="batches">Draws the mini-batches; seed it from the plan (DerivedSeed).</param>
    /// <param name="gradientCorrection">SCAFFOLD: c - c_i, added to every gradient (Karimireddy et al. 2020, Alg. 1 line 10).</param>
    /// <param name="proximalAnchor">What the proximal term pulls towards; default <paramref name="start"/> (FedProx). Ditto's personal model starts from itself and is pulled towards the global one.</param>
    public static LocalTrainingResult Train(
        ModelArchitecture architecture, TaskKind task, float[] start, SiteDataset data, LocalTrainingOptions options,
        Random batches, float[]? gradientCorrection = null, float[]? proximalAnchor = null)
    {
        var model = Neural(architecture);
        options.Validate();
        if (start.Length != model.ParameterCount) throw new ArgumentException($"expected {model.ParameterCount} parameters, got {start.Length}", nameof(start));
        if (data.Count == 0) return new LocalTrainingResult([.. start], 0, double.NaN);
        TorchRuntime.EnsureDeterministic();

        using var outer = NewDisposeScope();
        var weights = new Parameter(tensor(start), requires_grad: true);
        var anchor = tensor(proximalAnchor ?? start);
        var correction = gradientCorrection is null ? null : tensor(gradientCorrection);
        using var optimizer = NewOptimizer(options, weights);

        var sampler = new BatchSampler(data.Count, options.BatchSize, batches);
        var steps = options.LocalEpochs > 0 ? options.LocalEpochs * sampler.BatchesPerEpoch : options.LocalSteps;
        var fullBatch = sampler.BatchSize == data.Count ? Batch.All(data) : null;
        var totalLoss = 0.0;
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var batch = fullBatch ?? Batch.From(data, sampler.Next());
            optimizer.ZeroGrad();
            var loss = TaskLoss.Compute(task, model.Score(weights, batch.X), batch);
            totalLoss += loss.item<float>();
            if (options.ProximalMu > 0) loss = Plus(loss, Times((weights - anchor).square().sum(), options.ProximalMu / 2));
            if (options.WeightDecay is > 0 and var decay) loss = Plus(loss, Times(weights.square().sum(), decay / 2));
            // <w, c - c_i> has gradient c - c_i: SCAFFOLD's corrected gradient without touching the optimiser.
            if (correction is not null) loss = Plus(loss, (weights * correction).sum());
            loss.backward();
            optimizer.Step();
        }

        return new LocalTrainingResult(weights.detach().data<float>().ToArray(), steps, totalLoss / steps);
    }

    /// <summary>Gradient steps need a torch model; boosted trees grow from histograms instead (Trees/HistogramStep).</summary>
    internal static NeuralModel Neural(ModelArchitecture model) =>
        model as NeuralModel ?? throw new ArgumentException($"{model.GetType().Name} does not train by gradient steps", nameof(model));

    /// <summary>The plan's local optimiser over the flat parameters, with fresh state (every round starts anew).</summary>
    internal static FlatOptimizer NewOptimizer(LocalTrainingOptions options, Parameter weights) => new(options.Optimizer, weights, options.LearningRate);

    /// <summary>The model's scores on every row of <paramref name="data"/>, in row order (<see cref="ModelArchitecture.OutputCount"/> per row).</summary>
    public static float[] Predict(ModelArchitecture model, float[] parameters, SiteDataset data) => model.Predict(parameters, data);
}
