using System.Text.Json;
using FedChain.Learning.Aggregation;
using FedChain.Learning.Plans;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Robust;

namespace FedChain.Learning.Pipeline.Stages;

/// <summary>
/// A robust rule in place of the plain weighted mean (<see cref="RobustSettings"/>): it turns the
/// round's committed updates into the mean delta, and the plan's server rule applies that. Every rule
/// but the aggregate norm bound needs each member's update, so the plan check refuses it under secure
/// aggregation. A round with no committed samples leaves the model and state as they were.
/// </summary>
public sealed record RobustRuleStage(RobustSettings Settings) : AggregationStage(JsonNamingPolicy.KebabCaseLower.ConvertName(Settings.Rule.ToString()))
{
    public override RoundView Needs => Settings.NeedsIndividualUpdates ? RoundView.IndividualUpdates : RoundView.Sum;

    public override string? Refusal(TrainingPlan plan)
    {
        if (plan.Server.Rule == ServerRuleKind.TreeGrowth) return "robust rules combine members' model deltas; tree growth sums histograms, whose medians mean nothing";
        try
        {
            Settings.Validate();
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    public override (float[] Global, ServerState State) Apply(TrainingPlan plan, RoundInputs inputs)
    {
        var sum = inputs.Sum;
        if (sum.Participants == 0 || sum.Samples == 0) return (inputs.GlobalBefore, inputs.StateBefore);
        var mean = MeanDelta(plan, inputs);
        return RoundAggregation.ApplyMean(plan, inputs.GlobalBefore, inputs.StateBefore, mean, sum.Samples, sum.Participants, inputs.Members);
    }

    /// <summary>The round's mean delta per sample, in model units, as the rule combines the updates.</summary>
    public float[] MeanDelta(TrainingPlan plan, RoundInputs inputs)
    {
        var scale = Math.Pow(2, plan.Quantisation.FixedPointBits);
        if (Settings.Rule == RobustRuleKind.AggregateNormBound)
            return NormBounding.BoundAggregate(UpdateQuantiser.Dequantise(inputs.Sum.Sum, plan.Quantisation, inputs.Sum.Samples), Settings.NormBound);

        var members = MemberDeltas.Of(inputs.Updates ?? throw new InvalidOperationException($"robust rule {Name} was given no individual updates"), plan.UpdateLength);
        return Settings.Rule switch
        {
            RobustRuleKind.Median => CoordinateMedian.MeanDelta(members, scale),
            RobustRuleKind.TrimmedMean => TrimmedMean.MeanDelta(members, Settings.TrimFraction, scale),
            RobustRuleKind.NormBound => NormBounding.MeanDelta(members, Settings.NormBound, scale),
            _ => MultiKrum.MeanDelta(members, Settings.Byzantine, Settings.Selected, scale),
        };
    }
}
