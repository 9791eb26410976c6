using FedChain.Node.Agent.Misbehaviour;
using FedChain.Node.Contributions;
using FedChain.Node.Personalisation;
using FedChain.Node.Privacy;
using FedChain.Node.SecureRounds;
using FedChain.Node.ShardedRounds;

namespace FedChain.Node.Agent;

/// <summary>
/// The node's features, each added when the loaded plan asks for it, in the order their hooks run
/// (a Polly pipeline adds its strategies the same way). A new feature is a <see cref="PlanFeature"/>
/// in its own folder and one line here; the core loop does not change.
/// </summary>
public static class PlanFeatures
{
    public static readonly IReadOnlyList<Func<PlanRun, PlanFeature?>> All =
    [
        run => run.Node.Config.Misbehaviour is null ? null : new MisbehaviourFeature(run),
        run => run.Plan.Privacy is null ? null : new PrivacyBudgetFeature(run),
        // Before secure aggregation: collection gives the masked sum that unmasking then works on.
        run => run.Pipeline.Sharding is null ? null : new ShardedCollectionFeature(run),
        run => run.Pipeline.Masking is null ? null : new SecureAggregationFeature(run),
        run => run.Pipeline.Scoring is null ? null : new ScoresFeature(run),
        run => run.Pipeline.Personal is null ? null : new PersonalModelFeature(run),
    ];

    public static IReadOnlyList<PlanFeature> For(PlanRun run) => [.. All.Select(add => add(run)).OfType<PlanFeature>()];
}
