using FedChain.Learning.Data;
using FedChain.Learning.Plans;
using FedChain.Learning.Privacy.DpSgd;
using FedChain.Learning.Models;
using FedChain.Learning.Randomness;
using FedChain.Learning.Trees;

namespace FedChain.Learning.Training;

/// <summary>
/// One site's work in one round, as a pure function of its inputs: the network node calls exactly
/// this, so a network run and <c>fedchain simulate</c> produce the same updates. With the plan's
/// privacy section, local training is DP-SGD under the member's budget (<see cref="RoundPrivacy"/>).
/// </summary>
public static partial class ClientStep
{
    /// <summary>The node's client step: with DP on, sampling and noise come from the OS CSPRNG.</summary>
    /// <param name="plan">The plan being run.</param>
    /// <param name="globalParameters">The current global model.</param>
    /// <param name="globalControl">SCAFFOLD's server control variate c (null for other rules, or zeros before round 1).</param>
    /// <param name="train">The site's training rows, already normalised as the plan says.</param>
    /// <param name="round">1-based round number; with the site name it seeds the batch order.</param>
    /// <param name="state">The site's state from its previous round.</param>
    /// <exception cref="Privacy.Accounting.PrivacyBudgetExhaustedException">With DP on, when the round would take the member past its budget; nothing is trained.</exception>
    public static ClientUpdate Run(TrainingPlan plan, float[] globalParameters, float[]? globalControl, SiteDataset train, int round, ClientState state) =>
        Run(plan, globalParameters, globalControl, train, round, state, noise: null);

    /// <summary>
    /// The honest site of a simulation: <see cref="Run(TrainingPlan, float[], float[], SiteDataset, int, ClientState)"/>
    /// with DP-SGD's randomness seeded from (plan seed, round, site), so a simulated DP run repeats bit
    /// for bit. Never for a real node: anyone who knows the plan could subtract the noise.
    /// </summary>
    public static ClientUpdate RunSimulated(TrainingPlan plan, float[] globalParameters, float[]? globalControl, SiteDataset train, int round, ClientState state) =>
        Run(plan, globalParameters, globalControl, train, round, state, new SeededNoiseSource(DerivedSeed.Of(plan.Seed, "dp-noise", round, train.Site)));

    /// <param name="noise">DP-SGD's sampling and noise randomness; null: the OS CSPRNG. Unused without DP.</param>
    public static ClientUpdate Run(TrainingPlan plan, float[] globalParameters, float[]? globalControl, SiteDataset train, int round, ClientState state, NoiseSource? noise)
    {
        // Trees grow from histograms rather than train by gradient steps; their round is read off the ensemble.
        var architecture = plan.Architecture();
        if (architecture is BoostedTreesModel trees) return HistogramStep.Run(trees, plan.Schema.Task.Kind, globalParameters, train, state);
        var model = (NeuralModel)architecture;
        var p = model.ParameterCount;
        var scaffold = plan.Server.UsesControlVariates;
        var clientControl = state.Control ?? new float[p];
        float[]? correction = null;
        if (scaffold)
        {
            var c = globalControl ?? new float[p];
            correction = new float[p];
            for (var i = 0; i < p; i++) correction[i] = c[i] - clientControl[i];
        }

        LocalTrainingResult local;
        long n = train.Count;
        RoundPrivacy? privacy = null;
        var next = state;
        if (plan.Privacy is null)
        {
            var batches = DerivedSeed.Random(plan.Seed, "batches", round, train.Site);
            local = LocalTrainer.Train(model, plan.Schema.Task.Kind, globalParameters, train, plan.Client, batches, correction);
        }
        else
        {
            (local, next, privacy) = TrainPrivately(plan, model, globalParameters, train, round, state, noise, correction);
            n = plan.Privacy.DeclaredRecordsOf(train.Site);
        }

        var vector = new float[plan.UpdateLength];
        for (var i = 0; i < p; i++) vector[i] = n * (local.Parameters[i] - globalParameters[i]);
        if (!scaffold || local.Steps == 0) return new ClientUpdate(vector, n, next, local.MeanLoss, privacy);

        // Option II of Karimireddy et al. 2020 (Alg. 1 line 12): c_i+ = c_i - c + (x - y_i) / (K * eta_l),
        // and c_i - c is minus the correction.
        var newControl = new float[p];
        var stepSize = local.Steps * plan.Client.LearningRate;
        for (var i = 0; i < p; i++)
        {
            newControl[i] = (float)(-correction![i] + (globalParameters[i] - local.Parameters[i]) / stepSize);
            vector[p + i] = n * (newControl[i] - clientControl[i]);
        }

        return new ClientUpdate(vector, n, next with { Control = newControl }, local.MeanLoss, privacy);
    }
}
