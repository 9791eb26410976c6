using FedChain.Node.Agent.Misbehaviour;
using FedChain.Node.Tests.EndToEnd;

namespace FedChain.Node.Tests.ShardedRounds;

/// <summary>
/// A sharded plan of three training rounds on four node processes, with three faults: in round 1 the first member
/// claims wrong sums for the shards it aggregates, and the second commits its shard list but never publishes the
/// shards; in round 2 the last member's node dies after summing its shard and before claiming it. Round 3 runs
/// with the three survivors.
/// </summary>
public sealed class ShardedFaultsRun() : ConsortiumRun(new ConsortiumRunBuilder()
    .WithPlan(data => ShardedConsortiumRun.Sharded(data.Schema) with { Rounds = Rounds, Seed = 13 })
    .WithTheFirstMemberLyingAsAggregatorInRound(LyingRound)
    .WithMisbehaviour(Withholder, new NodeMisbehaviour(WithholdShardsRound: WithholdingRound))
    .CrashingTheLastMemberMidAggregationOfRound(CrashRound)
    .WithWindows(commitSeconds: 20, enrolmentSeconds: 60)
    .AuditingEveryExport()
    .WithTimeout(TimeSpan.FromMinutes(5)))
{
    public const int Rounds = 3;

    public const int LyingRound = 1;

    public const int CrashRound = 2;

    public const int Withholder = 1;

    public const int WithholdingRound = LyingRound;
}
