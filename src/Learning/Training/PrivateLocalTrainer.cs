using FedChain.Learning.Data;
using FedChain.Learning.Models;
using FedChain.Learning.Privacy.Accounting;
using FedChain.Learning.Privacy.DpSgd;
using TorchSharp.Modules;
using static FedChain.Learning.Models.TorchScalars;
using static TorchSharp.torch;

namespace FedChain.Learning.Training;

/// <summary>
/// Local training with DP-SGD (Abadi et al. 2016, Algorithm 1) on a flat-parameter model: every step
/// Poisson-samples the site's records, clips each sampled record's gradient, adds Gaussian noise and
/// hands the private gradient to the plan's optimiser. The FedProx and SCAFFOLD terms are added
/// after the noise: they depend only on the global model and on control variates computed from
/// earlier private outputs, so they are post-processing and cost no privacy.
/// </summary>
internal static class PrivateLocalTrainer
{
    /// <param name="steps">Steps to take; the caller has checked that the budget affords them.</param>
    /// <param name="budget">Charged one step at a time by <see cref="DpSgd"/>.</param>
    /// <param name="noise">Sampling and noise randomness.</param>
    /// <param name="gradientCorrection">SCAFFOLD: c - c_i.</param>
    public static LocalTrainingResult Train(
        ModelArchitecture architecture, PerSampleLoss loss, float[] start, SiteDataset data, LocalTrainingOptions options,
        DpSgdOptions dpOptions, int steps, PrivacyBudget budget, NoiseSource noise, float[]? gradientCorrection)
    {
        var model = LocalTrainer.Neural(architecture);
        options.Validate();
        if (start.Length != model.ParameterCount) throw new ArgumentException($"expected {model.ParameterCount} parameters, got {start.Length}", nameof(start));
        TorchRuntime.EnsureDeterministic();

        using var outer = NewDisposeScope();
        var weights = new Parameter(tensor(start), requires_grad: true);
        var anchor = tensor(start);
        var correction = gradientCorrection is null ? null : tensor(gradientCorrection);
        using var optimizer = LocalTrainer.NewOptimizer(options, weights);
        var privateSgd = new DpSgd(model, weights, loss, dpOptions, budget, noise);
        var all = Batch.All(data);
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.ZeroGrad();
            privateSgd.ComputeGradients(all.X, all.Target);
            using (no_grad())
            {
                if (options.ProximalMu > 0) AddInPlace(weights.grad!, Times(weights - anchor, options.ProximalMu));
                if (correction is not null) AddInPlace(weights.grad!, correction);
            }

            optimizer.Step();
        }

        // No training loss: it would be a statistic of the training records outside DP-SGD.
        return new LocalTrainingResult(weights.detach().data<float>().ToArray(), steps, double.NaN);
    }
}
