using FedChain.Learning.Aggregation;
using FedChain.Learning.Plans;
using FedChain.Learning.Quantisation;

namespace FedChain.Learning.Contribution;

/// <summary>
/// The model a subset of the round's participants would have produced: the round's server rule
/// applied, from the same global model and server state, to the modular sum of that subset's
/// committed updates only. The full set gives the round's real global model bit for bit; the empty
/// set (or a subset that committed no samples) gives the previous global model, as in GTG-Shapley
/// (Liu et al. 2022), where v(empty) is the utility of the last global model.
/// </summary>
public static class CoalitionModels
{
    /// <param name="updates">The participants in roster order.</param>
    /// <param name="members">Members of the plan (N), as the round's own aggregation passes it.</param>
    public static float[] Build(TrainingPlan plan, float[] global, ServerState state, IReadOnlyList<MemberUpdate> updates, Coalition coalition, int members)
    {
        long samples = 0;
        foreach (var i in coalition.Members()) samples += updates[i].SampleCount;
        if (samples == 0) return [.. global];

        var sum = new uint[plan.UpdateLength];
        foreach (var i in coalition.Members()) UpdateQuantiser.AddInto(sum, updates[i].Quantised);
        return RoundAggregation.ApplyQuantisedSum(plan, global, state, sum, samples, coalition.Count, members).Global;
    }

    /// <summary>Every scheduled subset's model, in schedule order.</summary>
    public static IReadOnlyList<float[]> BuildAll(TrainingPlan plan, float[] global, ServerState state, IReadOnlyList<MemberUpdate> updates, IReadOnlyList<Coalition> schedule, int members)
    {
        if (updates.Count > Coalition.MaxMembers) throw new ArgumentException($"{updates.Count} participants exceed the {Coalition.MaxMembers} a scored round can hold", nameof(updates));
        return [.. schedule.Select(c => Build(plan, global, state, updates, c, members))];
    }
}
