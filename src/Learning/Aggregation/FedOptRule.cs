namespace FedChain.Learning.Aggregation;

/// <summary>
/// FedAdam, FedYogi and FedAdagrad (Reddi et al. 2021, Alg. 2), as FLamby implements them: the
/// mean delta is the pseudo-gradient, m and v start at zero with no bias correction, and
/// w += eta * m / (sqrt(v) + tau).
/// </summary>
public sealed class FedOptRule(ServerSettings settings) : IServerRule
{
    public (float[] Global, ServerState State) Apply(float[] global, AggregatedUpdate update, ServerState state, int members)
    {
        var delta = update.MeanDelta;
        if (delta.Length != global.Length) throw new ArgumentException($"a delta of {delta.Length} values does not fit {global.Length} parameters", nameof(update));
        var m = state.Momentum ?? new float[global.Length];
        var v = state.SecondMoment ?? new float[global.Length];
        var nextM = new float[global.Length];
        var nextV = new float[global.Length];
        var next = new float[global.Length];
        double b1 = settings.Beta1, b2 = settings.Beta2;
        for (var i = 0; i < global.Length; i++)
        {
            double d = delta[i], d2 = d * d;
            var mi = b1 * m[i] + (1 - b1) * d;
            var vi = settings.Rule switch
            {
                ServerRuleKind.FedAdagrad => v[i] + d2,
                ServerRuleKind.FedYogi => v[i] - (1 - b2) * d2 * Math.Sign(v[i] - d2),
                _ => b2 * v[i] + (1 - b2) * d2,
            };
            nextM[i] = (float)mi;
            nextV[i] = (float)vi;
            next[i] = (float)(global[i] + settings.LearningRate * nextM[i] / (Math.Sqrt(nextV[i]) + settings.Tau));
        }

        return (next, state with { RoundsApplied = state.RoundsApplied + 1, Momentum = nextM, SecondMoment = nextV });
    }
}
