using FedChain.Learning.Contribution;
using FedChain.Learning.Data;
using FedChain.Learning.Plans;

namespace FedChain.Learning.Pipeline.Stages;

/// <summary>
/// Contribution scoring, a member's side: build the round's scheduled subset models, evaluate them on
/// its own held-out rows, and return the report it signs and publishes (null: its rows cannot measure
/// the metric, so it abstains). <see cref="RoundScoring.Score"/> turns the reports into scores.
/// </summary>
public abstract record ScoringStage(ContributionSettings Settings)
    : RoundStage(Kebab(Settings.Method), RoundHook.EvaluationAndScoring)
{
    /// <param name="rule">The plan's server-rule stage: subset models are what it would have made of the subset.</param>
    public UtilityReport? Report(TrainingPlan plan, AggregationStage rule, RoundInputs inputs, string member, SiteDataset validation)
    {
        var schedule = Schedule(plan, inputs);
        return Evaluate(plan, inputs, member, validation, schedule, Models(plan, rule, inputs, schedule));
    }

    /// <summary>The subsets every member evaluates this round (fixed by the plan, round and roster size).</summary>
    public IReadOnlyList<Coalition> Schedule(TrainingPlan plan, RoundInputs inputs) =>
        CoalitionSchedule.For(Settings, plan.Seed, inputs.Round, inputs.Sum.Participants);

    /// <summary>One member's report on the subset models <paramref name="models"/> (built once, evaluated by each member).</summary>
    public UtilityReport? Evaluate(TrainingPlan plan, RoundInputs inputs, string member, SiteDataset validation, IReadOnlyList<Coalition> schedule, IReadOnlyList<float[]> models) =>
        UtilityEvaluation.Evaluate(plan.Hash, inputs.Round, member, plan.Architecture(), Settings.Metric, validation, schedule, models);

    /// <summary>Every scheduled subset's model, in schedule order, as <paramref name="rule"/> builds it.</summary>
    public abstract IReadOnlyList<float[]> Models(TrainingPlan plan, AggregationStage rule, RoundInputs inputs, IReadOnlyList<Coalition> schedule);

    private static string Kebab(ContributionMethod method) =>
        string.Concat(method.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

/// <summary>Exact or sampled Shapley, leave-one-out: each subset's model is built from its members' own updates.</summary>
public sealed record PerMemberScoringStage(ContributionSettings Settings) : ScoringStage(Settings)
{
    public override RoundView Needs => RoundView.IndividualUpdates;

    public override IReadOnlyList<float[]> Models(TrainingPlan plan, AggregationStage rule, RoundInputs inputs, IReadOnlyList<Coalition> schedule) =>
        CoalitionModels.BuildAll(plan, rule, inputs.Updates is null ? throw new InvalidOperationException("per-member scoring was given no individual updates") : inputs, schedule);
}

/// <summary>
/// Sample share (<see cref="SampleShare"/>): the schedule holds only the empty set (the model the
/// round started from) and the full set (the round's model, built from the sum alone), so it scores
/// under secure aggregation without any individual update.
/// </summary>
public sealed record SumOnlyScoringStage(ContributionSettings Settings) : ScoringStage(Settings)
{
    public override RoundView Needs => RoundView.Sum;

    public override IReadOnlyList<float[]> Models(TrainingPlan plan, AggregationStage rule, RoundInputs inputs, IReadOnlyList<Coalition> schedule) =>
        [.. schedule.Select(c => c == Coalition.Empty || inputs.Sum.Samples == 0 ? [.. inputs.GlobalBefore] : rule.Apply(plan, inputs).Global)];
}
