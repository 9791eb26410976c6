using FedChain.Node.Tests.EndToEnd;

namespace FedChain.Node.Tests.ShardedRounds;

/// <summary>
/// A sharded plan of two training rounds on four node processes, shards point to point: in round 1 the keeper of the last
/// member's shard 0 says it holds every part it keeps without pulling any, the last member gives that keeper nothing (its
/// other keepers their parts) and dies once it holds the round's set, past the availability point. So every node counts the
/// dead member's commit available, and one of its parts is nowhere. A part nowhere 5 s after its member went ends the
/// aggregation; round 2's commit window (30 s) leaves time for the ballots and the replay, so round 2 runs with the three survivors.
/// </summary>
public sealed class ShardLyingKeeperRun() : ConsortiumRun(new ConsortiumRunBuilder()
    .WithPlan(data => ShardedConsortiumRun.Sharded(data.Schema) with { Rounds = Rounds, Seed = 15 })
    .WithTheLastMembersKeeperLyingAndTheLastMemberDyingInRound(LyingRound)
    .WithGoneMemberShardSeconds(5)
    .WithWindows(commitSeconds: 30, enrolmentSeconds: 60)
    .AuditingEveryExport()
    .WithTimeout(TimeSpan.FromMinutes(5)))
{
    public const int Rounds = 2;

    public const int LyingRound = 1;
}
