using FedChain.Learning.Collection;
using FedChain.Learning.Plans;
using FedChain.Node.Demo;
using FedChain.Node.Tests.EndToEnd;

namespace FedChain.Node.Tests.ShardedRounds;

/// <summary>
/// Three plans started together on one consortium of four node processes: the same plan collected by full
/// replication and by sharded aggregation, and sharded aggregation under secure aggregation (the shards masked).
/// </summary>
public sealed class ShardedConsortiumRun() : ConsortiumRun(new ConsortiumRunBuilder()
    .WithPlan(data => FullReplication(data.Schema))
    .WithPlan(data => Sharded(data.Schema))
    .WithPlan(data => ShardedSecure(data.Schema))
    .WithWindows(commitSeconds: 30, enrolmentSeconds: 60)
    .AuditingEveryExport()
    .WithTimeout(TimeSpan.FromMinutes(5)))
{
    public const int Rounds = 2;

    /// <summary>The demo plan without scores (sharded aggregation shows no individual update, which exact Shapley needs).</summary>
    public static TrainingPlan FullReplication(Learning.Data.Schema.DatasetSchema schema) =>
        DemoPlan.HeartDisease(schema, Rounds, seed: 11) with { Contribution = null };

    public static TrainingPlan Sharded(Learning.Data.Schema.DatasetSchema schema) =>
        FullReplication(schema) with { Collection = new CollectionSettings(CollectionMode.Sharded) };

    public static TrainingPlan ShardedSecure(Learning.Data.Schema.DatasetSchema schema) =>
        Sharded(schema) with { Seed = 12, SecureAggregation = new SecureAggregationSettings(true, Threshold: 3) };
}
