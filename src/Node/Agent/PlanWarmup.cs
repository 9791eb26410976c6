using FedChain.Learning.Aggregation;
using FedChain.Learning.Metrics;
using FedChain.Learning.Pipeline;
using FedChain.Learning.Training;

namespace FedChain.Node.Agent;

/// <summary>
/// Runs the round's stages once on this site's raw rows before the plan starts (local step,
/// quantisation, the server rule, evaluation, the utility report), so that the JIT and libtorch's first-call set-up are
/// paid while members enrol, not inside the first rounds, where they would count as protocol time.
/// Nothing it computes is kept or sent.
/// </summary>
internal static class PlanWarmup
{
    public static void Run(RoundPipeline pipeline, LocalSite site)
    {
        var plan = pipeline.Plan;
        var global = plan.InitialParameters();
        var update = ClientStep.Run(plan with { Privacy = null }, global, null, site.Raw.Train, 1, ClientState.Initial);
        var encoded = pipeline.Encode(update, 1, site.Name);
        var updates = new[] { pipeline.Expand(encoded.Words, encoded.SampleCount, 1) };
        var inputs = pipeline.Inputs(1, global, new ServerState(), RoundSum.Of(updates, plan.UpdateLength), updates, 1);
        pipeline.Aggregate(inputs);
        Evaluation.Evaluate(plan, global, site.Raw.Test);
        pipeline.Report(inputs, "warm-up", site.Raw.Test);
    }
}
