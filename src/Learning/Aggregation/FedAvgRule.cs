namespace FedChain.Learning.Aggregation;

/// <summary>
/// FedAvg (McMahan et al. 2017, Alg. 1) and FedProx's server (Li et al. 2020): w + eta * the
/// sample-weighted mean delta. With eta = 1 this is the weighted mean of the local models.
/// </summary>
public sealed class FedAvgRule(double learningRate) : IServerRule
{
    public (float[] Global, ServerState State) Apply(float[] global, AggregatedUpdate update, ServerState state, int members) =>
        (ServerRule.Step(global, update.MeanDelta, learningRate), state with { RoundsApplied = state.RoundsApplied + 1 });
}
