using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;
using FedChain.Node.Audit;
using Xunit.Abstractions;
using static FedChain.Node.Tests.EndToEnd.DishonestMembersRun;

namespace FedChain.Node.Tests.EndToEnd;

/// <summary>What the consortium does with dishonest members, on one real run in node processes (<see cref="DishonestMembersRun"/>).</summary>
[Collection(ConsortiumCollection.Name)]
public sealed class DishonestMembersTests(DishonestMembersRun run, ITestOutputHelper output) : IClassFixture<DishonestMembersRun>
{
    private PlanRecord PlanOf(int plan) => run.Ledger.Plans[run.PlanIds[plan]];

    private string Address(int member) => run.Members[member].Address.ToLowerInvariant();

    [Fact]
    public void EveryNode_FinishesTheTwoPlansItTookPartIn_WithTheFinalisedModel_AndTheAuditPasses()
    {
        Assert.All(run.ExitCodes, code => Assert.Equal(0, code));
        foreach (var plan in new[] { Scored, Private })
        {
            var finalised = Convert.ToHexStringLower(PlanOf(plan).Rounds[^1].FinalAggregate ?? throw new Xunit.Sdk.XunitException($"plan {plan}'s last aggregate was not finalised"));
            Assert.All(run.Members, m => Assert.Equal(finalised, run.ResultOf(m, run.PlanIds[plan]).FinalModelHash));
        }

        Assert.True(run.Audit.Ok, string.Join("\n", run.Audit.Findings));
    }

    /// <summary>The member that committed a hash and never published the blob: after the availability window
    /// the other three vote it out (quorum 3 of 4), every node aggregates the round without it, and the
    /// audit names it by round and member and finds the aggregate leaves exactly it out.</summary>
    [Fact]
    public void WithheldBlob_IsVotedOut_TheRoundCompletesWithoutIt_AndTheAuditNamesIt()
    {
        var withholder = Address(Withholder);
        foreach (var plan in new[] { Scored, Private })
        {
            var round = PlanOf(plan).Rounds[WithheldRound];
            var withheld = round.Commitments.Single(c => c.Member.Equals(withholder, StringComparison.OrdinalIgnoreCase));
            Assert.False(File.Exists(Path.Combine(run.Blobs, Convert.ToHexStringLower(withheld.BlobHash))), "the withheld blob reached the exported blobs");
            Assert.Equal([withholder], round.Excluded);
            var voters = round.ExclusionBallots.Select(b => b.Voter.ToLowerInvariant()).ToList();
            Assert.Equal(3, voters.Distinct().Count());
            Assert.DoesNotContain(withholder, voters);
            Assert.Equal(3, round.Members.Count);
            Assert.NotNull(round.FinalAggregate);
            // Voted out of one round, the withholder goes on in the next (the private plan's budget covers rounds 1-2 only).
            if (plan == Scored) Assert.Contains(PlanOf(plan).Rounds[WithheldRound + 1].Commitments, c => c.Member.Equals(withholder, StringComparison.OrdinalIgnoreCase));

            var named = Assert.Single(run.Audit.Exclusions, x => x.Plan == run.PlanIds[plan].ToString());
            Assert.Equal((WithheldRound, withholder, 3), (named.Round, named.Member, named.Ballots));
            Assert.Contains($"round {WithheldRound} member {withholder}", named.ToString(), StringComparison.Ordinal);
        }

        // Scores name the chain's set: the round's vector leaves the withheld blob's member out.
        var scored = PlanOf(Scored).Rounds[WithheldRound].RecordedScores ?? throw new Xunit.Sdk.XunitException("round 2's scores were not recorded");
        Assert.DoesNotContain(withholder, scored.Members.Select(m => m.ToLowerInvariant()));
    }

    /// <summary>The audit flags an exclusion the chain's ballots do not carry: with one of the three ballots left
    /// out of the events it replays, it names the round and the member and says the quorum was not met.</summary>
    [Fact]
    public void ExclusionShortOfItsQuorumInTheEvents_IsAFindingNamingRoundAndMember()
    {
        var planId = run.PlanIds[Scored];
        var dropped = run.Events.First(e => e.Event is LedgerEvents.ExclusionVoted x && x.PlanId == planId && x.Round == WithheldRound);
        var events = run.Events.Where(e => e != dropped).ToList();

        var audit = new Auditor(ConsortiumRun.StateOf(events), run.Blobs, events).Run();

        Assert.False(audit.Ok);
        var finding = Assert.Single(audit.Findings);
        Assert.Equal(planId.ToString(), finding.Plan);
        Assert.Equal(WithheldRound, finding.Round);
        Assert.Equal(Address(Withholder), finding.Member, ignoreCase: true);
        Assert.Contains("voted out with 2 ballots, the quorum is 3 of 4", finding.Problem, StringComparison.Ordinal);
    }

    /// <summary>A node that claims zero epsilon (it never stops for the chain's budget) is charged the plan's
    /// epsilon on every training commit like everyone, and its commit past the budget is refused.</summary>
    [Fact]
    public void ZeroEpsilonClaim_IsChargedThePlansEpsilonAnyway_AndRefusedPastTheBudget()
    {
        var plan = PlanOf(Private);
        var perRound = (ulong)plan.Limits!.EpsilonPerRound;
        var claimant = Address(ZeroEpsilon);
        Assert.True(perRound > 0);
        for (var r = 1; r <= AffordableRounds; r++)
            Assert.Equal(perRound, plan.Rounds[r].Commitments.Single(c => c.Member.Equals(claimant, StringComparison.OrdinalIgnoreCase)).EpsilonSpent);
        Assert.Equal(perRound * AffordableRounds, plan.EpsilonSpent[claimant]);
        Assert.Equal(plan.EpsilonSpent[Address(Honest)], plan.EpsilonSpent[claimant]);

        // Round 3: the honest nodes stop for the budget; the claimant trains and commits, and the ledger refuses it.
        Assert.Empty(plan.Rounds[DishonestMembersRun.Rounds].Commitments);
        Assert.Contains(run.Statuses, s => s.Site == run.Members[Honest].Site && s.PlanId == run.PlanIds[Private].ToString() && s.Phase == "privacy budget exhausted");
        Assert.DoesNotContain(run.Statuses, s => s.Site == run.Members[ZeroEpsilon].Site && s.PlanId == run.PlanIds[Private].ToString() && s.Phase == "privacy budget exhausted");
        Assert.Contains("PrivacyBudgetExceeded", File.ReadAllText(Path.Combine(run.Members[ZeroEpsilon].Directory, "node.log")), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Audit.Findings, f => f.Plan == run.PlanIds[Private].ToString());
    }

    /// <summary>The noise sender (a Gaussian direction of its honest update's norm, as simulate --noisy) is paid
    /// less on-chain, by the ledger's net-contribution rule, than every honest member.</summary>
    [Fact]
    public void NoiseSender_IsPaidLessOnChain_ThanEveryHonestMember()
    {
        Assert.NotNull(PlanOf(Scored).Settled);
        var paid = run.Ledger.RewardBalances;
        var honest = new[] { ZeroEpsilon, Honest }.Select(m => paid.GetValueOrDefault(Address(m))).ToList();
        var noisy = paid.GetValueOrDefault(Address(Noisy));
        for (var i = 0; i < run.Members.Count; i++)
        {
            var address = Address(i);
            var net = PlanOf(Scored).Rounds.Select(r => r.RecordedScores).OfType<ScoreVector>()
                .Sum(v => v.Members.Select((m, j) => m.Equals(address, StringComparison.OrdinalIgnoreCase) ? v.Scores[j] : 0).Sum());
            output.WriteLine($"{run.Members[i].Site}: paid {paid.GetValueOrDefault(address)} reward units, net score {net} micro units");
        }
        Assert.All(honest, h => Assert.True(h > 0, "an honest hospital was paid nothing"));
        Assert.All(honest, h => Assert.True(noisy < h, $"the noise sender was paid {noisy}, an honest hospital {h}"));
    }

    [Fact]
    public void PlanPastTheLifetimeBudget_IsRefusedByEveryNodeBeforeOptingIn_NamingTheBudget()
    {
        Assert.Equal(run.Members.Select(m => m.Site).Order(), run.Refusals.Select(r => r.Site).Order());
        Assert.All(run.Refusals, r => Assert.Contains("past its lifetime budget", r.Detail, StringComparison.Ordinal));
        var refused = PlanOf(TooCostly);
        Assert.Empty(refused.Participants);
        Assert.Equal(PlanStatus.Enrolling, refused.Status);
    }
}
