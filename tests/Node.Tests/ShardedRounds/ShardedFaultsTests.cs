using FedChain.Node.Tests.EndToEnd;

namespace FedChain.Node.Tests.ShardedRounds;

/// <summary>A lying chunk aggregator is named on the ledger by every other member and the round completes on the true
/// sum; a member dying mid-aggregation is survived; the survivors end on the same bits and the audit is clean.</summary>
[Collection(ConsortiumCollection.Name)]
public sealed class ShardedFaultsTests(ShardedFaultsRun run) : IClassFixture<ShardedFaultsRun>
{
    /// <summary>Every other member whose commit the round aggregated names it (the shard withholder, voted out of the round, takes no part).</summary>
    [Fact]
    public void LyingAggregator_IsNamedOnChainByEveryOtherMember_ForAWrongSum()
    {
        var liar = run.Members[0].Address;
        var findings = run.Ledger.Plans[run.PlanId].Rounds[ShardedFaultsRun.LyingRound].AggregatorFindings;
        var reporters = run.Members.Where((_, i) => i != 0 && i != ShardedFaultsRun.Withholder).Select(m => m.Address.ToLowerInvariant()).Order();

        Assert.All(findings, f => Assert.Equal(liar, f.Member, StringComparer.OrdinalIgnoreCase));
        Assert.All(findings, f => Assert.Equal(1, f.Reason));
        Assert.Equal(reporters, findings.Select(f => f.Reporter.ToLowerInvariant()).Order());
        Assert.All(run.Ledger.Plans[run.PlanId].Rounds.Where(r => r.Round != ShardedFaultsRun.LyingRound), r => Assert.Empty(r.AggregatorFindings));
    }

    [Fact]
    public void MemberDyingMidAggregation_IsInItsRoundsSum_AndTheSurvivorsFinishOnTheSameBits()
    {
        var rounds = run.Ledger.Plans[run.PlanId].Rounds;
        bool ByVictim(Contracts.Ledger.LedgerEvents.Committed c) => c.Member.Equals(run.Victim!.Address, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(137, run.VictimExitCode);
        Assert.All(run.ExitCodes, code => Assert.Equal(0, code));
        Assert.Contains(rounds[ShardedFaultsRun.CrashRound].Commitments, ByVictim);
        Assert.DoesNotContain(rounds[ShardedFaultsRun.CrashRound + 1].Commitments, ByVictim);
        Assert.All(rounds, r => Assert.NotNull(r.FinalAggregate));
        Assert.All(run.Results, r => Assert.Equal(Convert.ToHexStringLower(rounds[^1].FinalAggregate!), r.FinalModelHash));
    }

    /// <summary>Shards no keeper can get end in ballots, not a wait: every other member names the withholder, the
    /// chain votes its commit out, the round completes without it, and the audit names the exclusion.</summary>
    [Fact]
    public void MemberWithholdingItsShards_IsVotedOutByEveryOtherMember_AndTheRoundCompletesWithoutIt()
    {
        var withholder = run.Members[ShardedFaultsRun.Withholder].Address.ToLowerInvariant();
        var round = run.Ledger.Plans[run.PlanId].Rounds[ShardedFaultsRun.WithholdingRound];
        var others = run.Members.Select(m => m.Address.ToLowerInvariant()).Where(a => a != withholder).Order();

        Assert.Contains(round.Commitments, c => c.Member.Equals(withholder, StringComparison.OrdinalIgnoreCase));
        Assert.Equal([withholder], round.Excluded);
        Assert.Equal(others, round.ExclusionBallots.Select(b => b.Voter.ToLowerInvariant()).Distinct().Order());
        Assert.NotNull(round.FinalAggregate);
        // The victim of round 2 could be voted out of its round too, by nodes slow to hear its keepers' word.
        var named = Assert.Single(run.Audit.Exclusions, x => x.Round == ShardedFaultsRun.WithholdingRound);
        Assert.Equal((ShardedFaultsRun.WithholdingRound, withholder), (named.Round, named.Member.ToLowerInvariant()));
    }

    /// <summary>The auditor re-sums every round from the members' committed shards: the lie never reached an aggregate.</summary>
    [Fact]
    public void TheAudit_ResumsEveryRoundFromTheCommittedShards_AndFindsNothing()
    {
        Assert.Empty(run.Audit.Findings);
        Assert.Equal(ShardedFaultsRun.Rounds + 1, run.Audit.RoundsChecked);
    }
}
