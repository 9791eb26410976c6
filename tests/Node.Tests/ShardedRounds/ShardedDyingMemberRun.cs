using FedChain.Node.Agent.Misbehaviour;
using FedChain.Node.Tests.EndToEnd;

namespace FedChain.Node.Tests.ShardedRounds;

/// <summary>
/// A sharded plan of three training rounds on four node processes, shards point to point (the node default), with two
/// members whose shards the aggregation cannot get: in round 1 the first member commits malformed shards (each one word
/// short); in round 2 the last member gives its shards to one keeper alone and dies once the round closed, so that keeper
/// holds its part and the others never will. Round 3 runs with the three survivors.
/// </summary>
public sealed class ShardedDyingMemberRun() : ConsortiumRun(new ConsortiumRunBuilder()
    .WithPlan(data => ShardedConsortiumRun.Sharded(data.Schema) with { Rounds = Rounds, Seed = 14 })
    .WithMisbehaviour(Malformer, new NodeMisbehaviour(MalformedShardsRound: MalformedRound))
    .CrashingTheLastMemberAfterCommittingRound(DyingRound)
    .WithWindows(commitSeconds: 20, enrolmentSeconds: 60)
    .AuditingEveryExport()
    .WithTimeout(TimeSpan.FromMinutes(5)))
{
    public const int Rounds = 3;

    public const int Malformer = 0;

    public const int MalformedRound = 1;

    public const int DyingRound = 2;
}
