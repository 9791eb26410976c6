using FedChain.Contracts.Events;
using FedChain.Node.Tests.EndToEnd;

namespace FedChain.Node.Tests.ShardedRounds;

/// <summary>A keeper's word is not the last word: a member gone past the availability point whose part a keeper said it holds
/// and does not is voted out by the quorum once the aggregation finds the part nowhere, and every survivor ends the round on
/// the same bits without it.</summary>
[Collection(ConsortiumCollection.Name)]
public sealed class ShardLyingKeeperTests(ShardLyingKeeperRun run) : IClassFixture<ShardLyingKeeperRun>
{
    private RoundRecord Round(int round) => run.Ledger.Plans[run.PlanId].Rounds[round];

    [Fact]
    public void MemberDyingWithAPartOnlyALyingKeeperClaims_IsVotedOutByTheSurvivors_AndTheRoundCompletesWithoutIt()
    {
        var victim = run.Victim!.Address.ToLowerInvariant();
        var round = Round(ShardLyingKeeperRun.LyingRound);
        var honest = run.Survivors.Where(m => m != run.LyingKeeper).Select(m => m.Address.ToLowerInvariant()).Order();

        Assert.Equal(137, run.VictimExitCode);
        Assert.All(run.ExitCodes, code => Assert.Equal(0, code));
        Assert.Contains(round.Commitments, c => c.Member.Equals(victim, StringComparison.OrdinalIgnoreCase));
        Assert.Equal([victim], round.Excluded);
        // Every honest survivor found the part nowhere itself and balloted (the liar, running the same aggregation, too).
        Assert.Subset(round.ExclusionBallots.Select(b => b.Voter.ToLowerInvariant()).ToHashSet(), honest.ToHashSet());
        Assert.NotNull(round.FinalAggregate);
    }

    [Fact]
    public void Survivors_EndOnTheFinalisedBits_AndTheAuditNamesTheExclusionAndFindsNothing()
    {
        var last = Convert.ToHexStringLower(Round(ShardLyingKeeperRun.Rounds).FinalAggregate!);

        Assert.All(run.Ledger.Plans[run.PlanId].Rounds, r => Assert.NotNull(r.FinalAggregate));
        Assert.All(run.Results, r => Assert.Equal(last, r.FinalModelHash));
        Assert.Empty(run.Audit.Findings);
        Assert.Equal(ShardLyingKeeperRun.Rounds + 1, run.Audit.RoundsChecked);
        Assert.Equal([(ShardLyingKeeperRun.LyingRound, run.Victim!.Address.ToLowerInvariant())], run.Audit.Exclusions.Select(x => (x.Round, x.Member.ToLowerInvariant())));
    }
}

