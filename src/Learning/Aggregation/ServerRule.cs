namespace FedChain.Learning.Aggregation;

/// <summary>Picks the rule a plan names.</summary>
public static class ServerRule
{
    public static IServerRule For(ServerSettings settings)
    {
        settings.Validate();
        return settings.Rule switch
        {
            ServerRuleKind.Scaffold => new ScaffoldRule(settings.LearningRate),
            ServerRuleKind.FedAdam or ServerRuleKind.FedYogi or ServerRuleKind.FedAdagrad => new FedOptRule(settings),
            _ => new FedAvgRule(settings.LearningRate),
        };
    }

    /// <summary>w + eta * delta, coordinate by coordinate.</summary>
    internal static float[] Step(float[] global, float[] delta, double learningRate)
    {
        if (delta.Length != global.Length) throw new ArgumentException($"a delta of {delta.Length} values does not fit {global.Length} parameters", nameof(delta));
        var next = new float[global.Length];
        for (var i = 0; i < global.Length; i++) next[i] = (float)(global[i] + learningRate * delta[i]);
        return next;
    }
}
