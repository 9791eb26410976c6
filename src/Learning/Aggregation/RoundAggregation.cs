using FedChain.Learning.Plans;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Randomness;
using FedChain.Learning.Training;

namespace FedChain.Learning.Aggregation;

/// <summary>
/// The round's arithmetic after local training, shared by <c>fedchain simulate</c> and the network
/// node: quantise each update with its own derived seed, sum modulo 2^32, dequantise, apply the
/// server rule.
/// </summary>
public static class RoundAggregation
{
    /// <summary>A site's update as fixed-point integers, rounded with the seed derived from (plan, round, site).</summary>
    public static uint[] Quantise(TrainingPlan plan, ClientUpdate update, int round, string site, out int clipped) =>
        UpdateQuantiser.Quantise(update.Vector, plan.Quantisation, DerivedSeed.Random(plan.Seed, "quantise", round, site), out clipped);

    /// <summary>The next global model from the modular sum of the committed quantised updates.</summary>
    /// <param name="totalSamples">Sum of the committed sample counts n_i.</param>
    /// <param name="participants">How many updates the sum holds.</param>
    /// <param name="members">Members of the plan.</param>
    public static (float[] Global, ServerState State) ApplyQuantisedSum(
        TrainingPlan plan, float[] global, ServerState state, uint[] sum, long totalSamples, int participants, int members)
    {
        var mean = UpdateQuantiser.Dequantise(sum, plan.Quantisation, totalSamples);
        return ApplyMean(plan, global, state, mean, totalSamples, participants, members);
    }

    /// <summary>
    /// The float path, without quantisation: the updates are summed in double in the given order.
    /// Exact up to float rounding; used by tests and by <c>simulate --float</c>.
    /// </summary>
    public static (float[] Global, ServerState State) ApplyFloatSum(
        TrainingPlan plan, float[] global, ServerState state, IReadOnlyList<ClientUpdate> updates, int members)
    {
        var sum = new double[plan.UpdateLength];
        long total = 0;
        foreach (var update in updates)
        {
            total += update.SampleCount;
            for (var i = 0; i < sum.Length; i++) sum[i] += update.Vector[i];
        }

        var mean = new float[sum.Length];
        for (var i = 0; i < sum.Length; i++) mean[i] = (float)(sum[i] / total);
        return ApplyMean(plan, global, state, mean, total, updates.Count, members);
    }

    /// <summary>The plan's server rule over the round's mean delta per sample (from the sum, or from a robust rule).</summary>
    public static (float[] Global, ServerState State) ApplyMean(
        TrainingPlan plan, float[] global, ServerState state, float[] mean, long totalSamples, int participants, int members)
    {
        // Tree growth reads the whole aggregate as histograms; other rules split it into model and control deltas.
        var update = plan.Server.Rule == ServerRuleKind.TreeGrowth
            ? new AggregatedUpdate(mean, null, totalSamples, participants)
            : AggregatedUpdate.FromMeanVector(mean, global.Length, plan.Server.UsesControlVariates, totalSamples, participants);
        return ServerRule.For(plan).Apply(global, update, state, members);
    }
}
