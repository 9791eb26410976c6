using FedChain.Contracts.Events;
using FedChain.Node.Tests.EndToEnd;

namespace FedChain.Node.Tests.ShardedRounds;

/// <summary>With point-to-point shards, a member whose shards do not all reach a keeper is voted out by every other member
/// (those holding their own parts of it too), and the round completes without it on the same bits on every node: a member
/// dying before every keeper pulled its part, and one serving malformed shards.</summary>
[Collection(ConsortiumCollection.Name)]
public sealed class ShardedDyingMemberTests(ShardedDyingMemberRun run) : IClassFixture<ShardedDyingMemberRun>
{
    private RoundRecord Round(int round) => run.Ledger.Plans[run.PlanId].Rounds[round];

    private string Address(int member) => run.Members[member].Address.ToLowerInvariant();

    [Fact]
    public void MemberDyingBeforeEveryKeeperPulledItsShards_IsVotedOutByEverySurvivor_AndTheRoundCompletesWithoutIt()
    {
        var victim = run.Victim!.Address.ToLowerInvariant();
        var round = Round(ShardedDyingMemberRun.DyingRound);
        var survivors = run.Survivors.Select(m => m.Address.ToLowerInvariant()).Order();

        Assert.Equal(137, run.VictimExitCode);
        Assert.All(run.ExitCodes, code => Assert.Equal(0, code));
        Assert.Contains(round.Commitments, c => c.Member.Equals(victim, StringComparison.OrdinalIgnoreCase));
        Assert.Equal([victim], round.Excluded);
        Assert.Equal(survivors, round.ExclusionBallots.Select(b => b.Voter.ToLowerInvariant()).Distinct().Order());
        Assert.NotNull(round.FinalAggregate);
    }

    [Fact]
    public void MemberCommittingMalformedShards_IsVotedOutByEveryOtherMember_AndTakesPartInTheNextRound()
    {
        var malformer = Address(ShardedDyingMemberRun.Malformer);
        var round = Round(ShardedDyingMemberRun.MalformedRound);
        var others = run.Members.Select(m => m.Address.ToLowerInvariant()).Where(a => a != malformer).Order();

        Assert.Contains(round.Commitments, c => c.Member.Equals(malformer, StringComparison.OrdinalIgnoreCase));
        Assert.Equal([malformer], round.Excluded);
        Assert.Equal(others, round.ExclusionBallots.Select(b => b.Voter.ToLowerInvariant()).Distinct().Order());
        Assert.NotNull(round.FinalAggregate);
        Assert.Contains(Round(ShardedDyingMemberRun.MalformedRound + 1).Commitments, c => c.Member.Equals(malformer, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Survivors_EndOnTheFinalisedBits_AndTheAuditNamesBothExclusionsAndFindsNothing()
    {
        var last = Convert.ToHexStringLower(Round(ShardedDyingMemberRun.Rounds).FinalAggregate!);

        Assert.All(run.Ledger.Plans[run.PlanId].Rounds, r => Assert.NotNull(r.FinalAggregate));
        Assert.All(run.Results, r => Assert.Equal(last, r.FinalModelHash));
        Assert.Empty(run.Audit.Findings);
        Assert.Equal(ShardedDyingMemberRun.Rounds + 1, run.Audit.RoundsChecked);
        Assert.Equal(
            [(ShardedDyingMemberRun.MalformedRound, Address(ShardedDyingMemberRun.Malformer)), (ShardedDyingMemberRun.DyingRound, run.Victim!.Address.ToLowerInvariant())],
            run.Audit.Exclusions.Select(x => (x.Round, x.Member.ToLowerInvariant())).Order());
    }
}
