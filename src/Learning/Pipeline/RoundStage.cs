namespace FedChain.Learning.Pipeline;

/// <summary>
/// One stage of a round: where it attaches, what it must see of the updates and what it hides from
/// the stages after it. <see cref="PlanCompatibility"/> walks a plan's stages in hook order with
/// these, so a combination that cannot work is refused with the stage that hides what another needs.
/// </summary>
/// <param name="Name">Short name, as docs/learning.md's matrix and the plan check's messages use it.</param>
public abstract record RoundStage(string Name, RoundHook Hook)
{
    /// <summary>What this stage must see; the plan is refused when an earlier stage hid it.</summary>
    public virtual RoundView Needs => RoundView.None;

    /// <summary>What the stages after this one can no longer see.</summary>
    public virtual RoundView Hides => RoundView.None;

    /// <summary>Why this stage cannot run with this plan on its own (null: it can).</summary>
    public virtual string? Refusal(Plans.TrainingPlan plan) => null;
}
