using FedChain.Learning.Aggregation;
using FedChain.Learning.Plans;

namespace FedChain.Learning.Pipeline.Stages;

/// <summary>The server rule: the next global model and server state from the round's inputs.</summary>
public abstract record AggregationStage(string Name) : RoundStage(Name, RoundHook.ServerRule)
{
    public abstract (float[] Global, ServerState State) Apply(TrainingPlan plan, RoundInputs inputs);
}

/// <summary>
/// A rule that needs only the sum (FedAvg, FedProx, SCAFFOLD, FedAdam, FedYogi, FedAdagrad):
/// dequantise the sum, apply the rule in scalar C#. Runs under secure aggregation. A round with no
/// committed samples leaves the model and state as they were.
/// </summary>
public sealed record SumRuleStage(ServerRuleKind Rule) : AggregationStage(Rule.ToString().ToLowerInvariant())
{
    public override RoundView Needs => RoundView.Sum;

    public override (float[] Global, ServerState State) Apply(TrainingPlan plan, RoundInputs inputs) =>
        inputs.Sum.Participants == 0 || inputs.Sum.Samples == 0
            ? (inputs.GlobalBefore, inputs.StateBefore)
            : RoundAggregation.ApplyQuantisedSum(plan, inputs.GlobalBefore, inputs.StateBefore, inputs.Sum.Sum, inputs.Sum.Samples, inputs.Sum.Participants, inputs.Members);
}
