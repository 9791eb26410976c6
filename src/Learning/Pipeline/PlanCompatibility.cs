using FedChain.Learning.Plans;

namespace FedChain.Learning.Pipeline;

/// <summary>
/// Whether a plan's stages can run together: each stage's own refusal, then a walk in hook order in
/// which a stage that needs what an earlier one hid (for example a scoring rule that needs individual
/// updates after secure aggregation masked them) refuses the plan, naming both stages.
/// docs/learning.md's compatibility matrix lists what passes.
/// </summary>
public static class PlanCompatibility
{
    /// <summary>Why the plan's combination of features cannot work; null when it can.</summary>
    public static string? Refusal(TrainingPlan plan) => Refusal(plan, RoundFeatures.Of(plan));

    public static string? Refusal(TrainingPlan plan, IReadOnlyList<RoundStage> stages)
    {
        foreach (var stage in stages)
        {
            if (stage.Refusal(plan) is { } own) return $"{stage.Name}: {own}";
        }

        var visible = RoundView.Sum | RoundView.IndividualUpdates | RoundView.AdditiveCommits;
        RoundStage? hider = null;
        foreach (var stage in stages)
        {
            var missing = stage.Needs & ~visible;
            if (missing != RoundView.None)
                return $"{stage.Name} ({Hook(stage.Hook)}) needs {Describe(missing)}, which {hider!.Name} ({Hook(hider.Hook)}) hides{Alternative(stage)}";
            if (stage.Hides != RoundView.None)
            {
                visible &= ~stage.Hides;
                hider = stage;
            }
        }

        return null;
    }

    private static string Describe(RoundView view) => view switch
    {
        RoundView.IndividualUpdates => "each member's individual update",
        RoundView.AdditiveCommits => "commits that add up coordinate by coordinate",
        _ => view.ToString(),
    };

    private static string Alternative(RoundStage stage) => stage.Hook switch
    {
        RoundHook.EvaluationAndScoring => "; use contribution method sample-share",
        RoundHook.ServerRule => "; under secure aggregation only the round's sum can be bounded: use robust rule aggregate-norm-bound",
        RoundHook.Masking => "; use compression random-k",
        RoundHook.Buffering => "; asynchronous rounds run without secure aggregation or sharded collection",
        _ => "",
    };

    private static string Hook(RoundHook hook) =>
        string.Concat(hook.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
