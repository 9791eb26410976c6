using FedChain.Learning.Aggregation;
using FedChain.Learning.Asynchronous;
using FedChain.Learning.Contribution;
using FedChain.Learning.Plans;

namespace FedChain.Learning.Pipeline.Stages;

/// <summary>
/// Asynchronous rounds (FedBuff, Nguyen et al. 2022): a round is an arrival window of K commits the
/// chain ordered, each update weighed by its staleness before the sum (<see cref="StalenessWeight"/>).
/// It needs each member's update, each with its own weight, so masking (whose masks cancel only in an
/// unweighted sum over a set fixed in advance) cannot run with it.
/// </summary>
public sealed record BufferingStage(AsynchronousSettings Settings) : RoundStage("asynchronous", RoundHook.Buffering)
{
    public override RoundView Needs => RoundView.IndividualUpdates;

    public override string? Refusal(TrainingPlan plan)
    {
        if (plan.Server.Rule == ServerRuleKind.TreeGrowth) return "trees grow one level per round from histograms of the same tree; an arrival window mixes levels";
        if (plan.Contribution is not null) return "contribution scores compare members who trained from one model in one round; an arrival window mixes updates trained from different models";
        try
        {
            Settings.Validate(plan.Quantisation.MaxMembers);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    public MemberUpdate Weigh(MemberUpdate update, int staleness) => StalenessWeight.Weigh(update, staleness);
}
