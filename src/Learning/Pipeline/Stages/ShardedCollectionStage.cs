namespace FedChain.Learning.Pipeline.Stages;

/// <summary>
/// Sharded aggregation at collection: each member's committed words are cut into one shard per plan
/// participant, each shard is summed by one member and checked by all (Node/ShardedAggregation). The sum
/// is the same bits as summing whole updates, so a simulation applies it directly; the stages after it
/// see no member's individual update.
/// </summary>
public sealed record ShardedCollectionStage() : RoundStage("sharded-aggregation", RoundHook.Collection)
{
    public override RoundView Needs => RoundView.AdditiveCommits;

    public override RoundView Hides => RoundView.IndividualUpdates;
}
