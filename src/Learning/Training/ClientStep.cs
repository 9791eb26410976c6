using FedChain.Learning.Data;
using FedChain.Learning.Plans;
using FedChain.Learning.Randomness;

namespace FedChain.Learning.Training;

/// <summary>
/// One site's work in one round, as a pure function of its inputs: the network node calls exactly
/// this, so a network run and <c>fedchain simulate</c> produce the same updates.
/// </summary>
public static class ClientStep
{
    /// <param name="plan">The plan being run.</param>
    /// <param name="globalParameters">The current global model.</param>
    /// <param name="globalControl">SCAFFOLD's server control variate c (null for other rules, or zeros before round 1).</param>
    /// <param name="train">The site's training rows, already normalised as the plan says.</param>
    /// <param name="round">1-based round number; with the site name it seeds the batch order.</param>
    /// <param name="state">The site's state from its previous round.</param>
    public static ClientUpdate Run(TrainingPlan plan, float[] globalParameters, float[]? globalControl, SiteDataset train, int round, ClientState state)
    {
        var model = plan.Architecture();
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

        var batches = DerivedSeed.Random(plan.Seed, "batches", round, train.Site);
        var local = LocalTrainer.Train(model, plan.Schema.Task.Kind, globalParameters, train, plan.Client, batches, correction);
        float n = train.Count;
        var vector = new float[plan.UpdateLength];
        for (var i = 0; i < p; i++) vector[i] = n * (local.Parameters[i] - globalParameters[i]);
        if (!scaffold || local.Steps == 0) return new ClientUpdate(vector, train.Count, state, local.MeanLoss);

        // Option II of Karimireddy et al. 2020 (Alg. 1 line 12): c_i+ = c_i - c + (x - y_i) / (K * eta_l),
        // and c_i - c is minus the correction.
        var newControl = new float[p];
        var stepSize = local.Steps * plan.Client.LearningRate;
        for (var i = 0; i < p; i++)
        {
            newControl[i] = (float)(-correction![i] + (globalParameters[i] - local.Parameters[i]) / stepSize);
            vector[p + i] = n * (newControl[i] - clientControl[i]);
        }

        return new ClientUpdate(vector, train.Count, new ClientState(newControl), local.MeanLoss);
    }
}
