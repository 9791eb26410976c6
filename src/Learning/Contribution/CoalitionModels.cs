using FedChain.Learning.Pipeline;
using FedChain.Learning.Pipeline.Stages;
using FedChain.Learning.Plans;

namespace FedChain.Learning.Contribution;

/// <summary>
/// The model a subset of the round's participants would have produced: the round's server rule (the
/// plan's robust rule too) applied, from the same global model and server state, to that subset's
/// committed updates only. The full set gives the round's real global model bit for bit; the empty
/// set (or a subset that committed no samples) gives the previous global model, as in GTG-Shapley
/// (Liu et al. 2022), where v(empty) is the utility of the last global model.
/// </summary>
public static class CoalitionModels
{
    /// <param name="rule">The plan's server-rule stage.</param>
    /// <param name="round">The round's inputs, with each participant's update in roster order.</param>
    public static float[] Build(TrainingPlan plan, AggregationStage rule, RoundInputs round, Coalition coalition)
    {
        var updates = round.Updates ?? throw new ArgumentException("subset models are built from the participants' individual updates", nameof(round));
        var subset = coalition.Members().Select(i => updates[i]).ToList();
        var sum = RoundSum.Of(subset, plan.UpdateLength);
        return rule.Apply(plan, round with { Sum = sum, Updates = subset }).Global;
    }

    /// <summary>Every scheduled subset's model, in schedule order.</summary>
    public static IReadOnlyList<float[]> BuildAll(TrainingPlan plan, AggregationStage rule, RoundInputs round, IReadOnlyList<Coalition> schedule)
    {
        var count = round.Updates?.Count ?? 0;
        if (count > Coalition.MaxMembers) throw new ArgumentException($"{count} participants exceed the {Coalition.MaxMembers} a scored round can hold", nameof(round));
        return [.. schedule.Select(c => Build(plan, rule, round, c))];
    }
}
