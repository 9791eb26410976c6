using FedChain.Learning.Plans;
using FedChain.Learning.Trees;

namespace FedChain.Learning.Aggregation;

/// <summary>Picks the rule a plan names.</summary>
public static class ServerRule
{
    /// <summary>The plan's rule; tree growth takes its settings from the plan's model.</summary>
    public static IServerRule For(TrainingPlan plan) => plan.Server.Rule == ServerRuleKind.TreeGrowth
        ? new TreeGrowthRule(plan.Architecture() as BoostedTreesModel ?? throw new ArgumentException($"server rule tree-growth needs a boosted-trees model, not '{plan.Model.Kind}'", nameof(plan)), plan.Schema.Task.Kind)
        : For(plan.Server);

    public static IServerRule For(ServerSettings settings)
    {
        settings.Validate();
        return settings.Rule switch
        {
            ServerRuleKind.TreeGrowth => throw new ArgumentException("server rule tree-growth needs the plan's trees section: use ServerRule.For(plan)", nameof(settings)),
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
