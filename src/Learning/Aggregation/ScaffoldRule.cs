namespace FedChain.Learning.Aggregation;

/// <summary>
/// SCAFFOLD's server (Karimireddy et al. 2020, Alg. 1 lines 16-17): x += eta_g * mean delta y,
/// c += (|S| / N) * mean delta c. Both means are weighted by sample count, like every FedChain
/// update, so c tracks the sample-weighted mean of the clients' control variates.
/// </summary>
public sealed class ScaffoldRule(double learningRate) : IServerRule
{
    public (float[] Global, ServerState State) Apply(float[] global, AggregatedUpdate update, ServerState state, int members)
    {
        var controlDelta = update.MeanControlDelta ?? throw new ArgumentException("a SCAFFOLD aggregate needs the control-variate delta", nameof(update));
        var control = state.Control ?? new float[global.Length];
        var share = (double)update.Participants / Math.Max(members, update.Participants);
        var nextControl = ServerRule.Step(control, controlDelta, share);
        return (ServerRule.Step(global, update.MeanDelta, learningRate), state with { RoundsApplied = state.RoundsApplied + 1, Control = nextControl });
    }
}
