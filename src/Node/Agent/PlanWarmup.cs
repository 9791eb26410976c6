using FedChain.Learning.Aggregation;
using FedChain.Learning.Contribution;
using FedChain.Learning.Metrics;
using FedChain.Learning.Plans;
using FedChain.Learning.Training;

namespace FedChain.Node.Agent;

/// <summary>
/// Runs the round's code paths once on this site's raw rows before the plan starts (local step,
/// quantisation, the server rule, evaluation, the utility report), so that the JIT and libtorch's first-call set-up are
/// paid while members enrol, not inside the first rounds, where they would count as protocol time.
/// Nothing it computes is kept or sent.
/// </summary>
internal static class PlanWarmup
{
    public static void Run(TrainingPlan plan, LocalSite site)
    {
        var global = plan.InitialParameters();
        var update = ClientStep.Run(plan with { Privacy = null }, global, null, site.Raw.Train, 1, ClientState.Initial);
        var quantised = RoundAggregation.Quantise(plan, update, 1, site.Name, out _);
        RoundAggregation.ApplyQuantisedSum(plan, global, new ServerState(), quantised, update.SampleCount, 1, 1);
        Evaluation.Evaluate(plan, global, site.Raw.Test);
        if (plan.Contribution is not null)
            UtilityReporting.Report(plan, 1, global, new ServerState(), [new MemberUpdate(quantised, update.SampleCount)], 1, "warm-up", site.Raw.Test);
    }
}
