using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;
using FedChain.Learning.Plans;
using FedChain.Node.Privacy;
using FedChain.Node.Audit;

namespace FedChain.Node.Tests.Privacy;

/// <summary>DP budgets in the running node, on one real consortium run (<see cref="PrivateConsortiumRun"/>).</summary>
[Collection(FedChain.Node.Tests.EndToEnd.ConsortiumCollection.Name)]
public sealed class NodePrivacyTests(PrivateConsortiumRun run) : IClassFixture<PrivateConsortiumRun>
{
    private PlanRecord Record => run.Ledger.Plans[run.PlanId];

    [Fact]
    public void EachTrainingCommit_IsChargedThePlansEpsilonPerRound_WhichCoversWhatTheAccountantsSpend()
    {
        var perRound = (ulong)PrivacySchedule.PerRoundMicro(run.Plan);
        Assert.Equal((uint)perRound, Record.Limits!.EpsilonPerRound);
        foreach (var member in run.Members)
        {
            var dp = MemberDpSgd.For(run.Plan, member.Site);
            Assert.True(perRound * (ulong)run.Plan.Rounds >= (ulong)PrivacySchedule.CumulativeMicro(dp, run.Plan.Rounds), $"{member.Site}: the plan's charge is below its accountant's epsilon for the whole plan");
            Assert.Equal(0ul, Commit(0, member.Address).EpsilonSpent);
            for (var round = 1; round <= PrivateConsortiumRun.AffordableRounds; round++) Assert.Equal(perRound, Commit(round, member.Address).EpsilonSpent);
            Assert.Equal(perRound * PrivateConsortiumRun.AffordableRounds, Record.EpsilonSpent[member.Address.ToLowerInvariant()]);
        }
    }

    [Fact]
    public void PastTheChainsBudget_NoNodeTrainsOrCommits_AndEachSaysSo()
    {
        var last = Record.Rounds[PrivateConsortiumRun.Rounds];
        Assert.True(last.Closed);
        Assert.Empty(last.Commitments);
        Assert.True(Record.Limits!.EpsilonPerRound * (ulong)PrivateConsortiumRun.Rounds > run.CapMicro, "a third round would fit the cap; the test does not exhaust the budget");
        foreach (var member in run.Members)
        {
            Assert.True(Record.EpsilonSpent[member.Address.ToLowerInvariant()] <= run.CapMicro);
            Assert.Contains(run.Statuses, s => s.Site == member.Site && s.Round == PrivateConsortiumRun.Rounds && s.Phase == "privacy budget exhausted");
        }
    }

    [Fact]
    public void EveryNode_EndsWithTheFinalisedModel_AndTheAuditPasses()
    {
        Assert.All(run.ExitCodes, code => Assert.Equal(0, code));
        var finalised = Convert.ToHexStringLower(Record.Rounds[^1].FinalAggregate ?? throw new Xunit.Sdk.XunitException("the last aggregate was not finalised"));
        Assert.All(run.Results, r => Assert.Equal(finalised, r.FinalModelHash));
        Assert.Empty(run.Audit.Findings);
        Assert.Equal(PrivateConsortiumRun.Rounds + 1, run.Audit.RoundsChecked);
    }

    [Fact]
    public async Task Audit_NamesRoundAndMember_WhenAnOnChainEpsilonIsNotThePlansCharge()
    {
        var ledger = await LedgerState.ReplayAsync(run.Reader, run.Consortium.Addresses.DeploymentBlock);
        var tampered = ledger.Plans[run.PlanId].Rounds[2].Commitments[0];
        tampered.EpsilonSpent -= 1;

        var audit = new Auditor(ledger, run.Blobs).Run();

        var finding = Assert.Single(audit.Findings);
        Assert.Equal(2, finding.Round);
        Assert.Equal(tampered.Member.ToLowerInvariant(), finding.Member);
        Assert.Contains("the plan charges", finding.Problem);
    }

    private LedgerEvents.Committed Commit(int round, string address) =>
        Record.Rounds[round].Commitments.SingleOrDefault(c => string.Equals(c.Member, address, StringComparison.OrdinalIgnoreCase))
        ?? throw new Xunit.Sdk.XunitException($"{address} did not commit in round {round}; its status lines: " +
            string.Join(" | ", run.Statuses.Where(s => string.Equals(s.Address, address, StringComparison.OrdinalIgnoreCase)).Select(s => $"{s.Event} r{s.Round} {s.Phase} {s.Detail}")));
}
