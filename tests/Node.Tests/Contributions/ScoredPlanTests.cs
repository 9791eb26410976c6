using System.Security.Cryptography;
using FedChain.Contracts;
using FedChain.Contracts.Chain;
using FedChain.Contracts.Client;
using FedChain.Contracts.Events;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Membership;
using FedChain.Contracts.Rewards;
using FedChain.Learning.Contribution;
using FedChain.Node.Audit;
using FedChain.Node.Contributions;

namespace FedChain.Node.Tests.Contributions;

/// <summary>Issue 8 in the running node: scores voted, agreed, recorded and minted, and audited.</summary>
[Collection(FedChain.Node.Tests.EndToEnd.ConsortiumCollection.Name)]
public sealed class ScoredPlanTests(ScoredPlanFixture fx) : IClassFixture<ScoredPlanFixture>
{
    private IEnumerable<RoundRecord> ScoredRounds => fx.State.Plans[fx.PlanId].Rounds.Skip(1);

    [Fact]
    public void EveryNode_VotedTheSameScoreHashes_AndTheChainRecordedThem()
    {
        var participants = fx.State.Plans[fx.PlanId].Participants;
        Assert.Equal(ScoredPlanFixture.Rounds, ScoredRounds.Count());
        foreach (var round in ScoredRounds)
        {
            Assert.Equal(participants.Order(), round.ScoresVotes.Select(v => v.Voter).Order());
            var hash = Assert.Single(round.ScoresVotes.Select(v => Convert.ToHexStringLower(v.Hash)).Distinct());
            Assert.Equal(hash, Convert.ToHexStringLower(round.AgreedScores!));
            Assert.Equal(hash, Convert.ToHexStringLower(round.RecordedScores!.Hash()));
            Assert.All(fx.NodeScores, n => Assert.Equal(hash, n.Rounds.Single(r => r.Round == round.Round).VectorHash));
            Assert.Empty(round.Dissents);
        }

        // scoresLag 2: round 1's votes rode on the round-3 commits; rounds 2 and 3 were voted on their own after the plan.
        var plan = fx.State.Plans[fx.PlanId];
        Assert.All(plan.Rounds[3].Commitments, c => Assert.Equal(plan.Rounds[1].AgreedScores, c.ScoresVote));
        Assert.All(fx.NodeScores, n => Assert.Equal([1, 2, 3], n.RecordedRounds));
    }

    [Fact]
    public void RecordedScores_AddUpToTheRoundsGain_AndListTheMembersByAddress()
    {
        foreach (var node in fx.NodeScores)
        {
            foreach (var round in node.Rounds)
            {
                // Shapley efficiency: the scores share U(all) - U(none), up to one rounding per member and unit conversion.
                var gain = ScoreUnits.Divide(round.Engine.UtilityOfAll!.Value - round.Engine.UtilityOfNone!.Value, RewardRule.EngineUnitsPerChainUnit);
                Assert.InRange(round.Scores.Sum() - gain, -round.Scores.Count, round.Scores.Count);
                Assert.Equal(round.Members.Order(StringComparer.Ordinal), round.Members);
                Assert.Equal(4, round.Engine.Evaluators.Count);
            }
        }
    }

    [Fact]
    public void RewardBalances_AreTheLedgersNetContributionRuleOverTheRecordedScores()
    {
        var plan = fx.State.Plans[fx.PlanId];
        Assert.True(plan.Terms!.RewardPool > 0);
        Assert.NotNull(plan.Settled);
        foreach (var member in plan.Participants)
        {
            var net = ScoredRounds.Select(r => r.RecordedScores!).Sum(v => v.Scores[Index(v, member)]);
            var expected = net > 0 ? plan.Terms.RewardPool * net / ((plan.TotalRounds - plan.Limits!.SetupRounds) * 1_000_000) : 0;
            Assert.Equal(expected, fx.State.RewardBalances.GetValueOrDefault(member));
        }

        Assert.Contains(plan.Participants, m => fx.State.RewardBalances.GetValueOrDefault(m) > 0);
        Assert.True(fx.State.RewardBalances.Values.Aggregate(System.Numerics.BigInteger.Zero, (a, b) => a + b) <= plan.Terms.RewardPool);
    }

    [Fact]
    public void Audit_OfTheRun_Passes()
    {
        var result = new Auditor(fx.State, fx.Blobs, fx.Events).Run();

        Assert.True(result.Ok, string.Join("\n", result.Findings));
    }

    [Fact]
    public void Audit_NamesRoundAndMember_WhenARecordedScoreIsAltered()
    {
        var recorded = fx.State.Plans[fx.PlanId].Rounds[2].RecordedScores!;
        var victim = recorded.Members[1].ToLowerInvariant();
        var events = fx.Events.Select(e => e.Event is LedgerEvents.ScoresRecorded s && s.Rows().Any(r => r.Round == 2)
            ? e with { Event = new LedgerEvents.ScoresRecorded { PlanId = s.PlanId, FirstRound = s.FirstRound, Members = s.Members, Scores = [.. s.Scores.Select((x, i) => i == (2 - (int)s.FirstRound) * s.Members.Count + 1 ? x + 500 : x)] } }
            : e).ToList();

        var findings = new Auditor(ScoredPlanFixture.StateOf(events), fx.Blobs, events).Run().Findings;

        var finding = Assert.Single(findings, f => f.Problem.StartsWith("recorded score", StringComparison.Ordinal));
        Assert.Equal((2, victim), (finding.Round, finding.Member));
        Assert.Contains(findings, f => f.Member == victim && f.Problem.StartsWith("minted", StringComparison.Ordinal)); // the settlement paid from the true row
    }

    [Fact]
    public void Audit_NamesTheMember_WhenAMintIsAltered()
    {
        var victim = fx.State.Plans[fx.PlanId].Participants.Max()!;
        var events = fx.Events.Select(e => e.Event is RewardEvents.Transfer t && t.To.Equals(victim, StringComparison.OrdinalIgnoreCase)
            ? e with { Event = new RewardEvents.Transfer { From = t.From, To = t.To, Value = t.Value + 1 } }
            : e).ToList();

        var findings = new Auditor(ScoredPlanFixture.StateOf(events), fx.Blobs, events).Run().Findings;

        var finding = Assert.Single(findings);
        Assert.Equal(((int?)null, victim), (finding.Round, finding.Member));
        Assert.Contains("when the plan settled", finding.Problem);
    }

    [Fact]
    public void Audit_NamesTheMember_WhenTokensAreMintedOutsideASettlement()
    {
        var member = fx.State.Plans[fx.PlanId].Participants.Min()!;
        var last = fx.Events[^1];
        var events = fx.Events.Append(new ChainEvent(last.BlockNumber + 1, 0, "0xforged", "RewardToken",
            new RewardEvents.Transfer { From = "0x0000000000000000000000000000000000000000", To = member, Value = 1000 })).ToList();

        var finding = Assert.Single(new Auditor(ScoredPlanFixture.StateOf(events), fx.Blobs, events).Run().Findings);

        Assert.Equal(member, finding.Member);
        Assert.Contains("settles no plan", finding.Problem);
    }

    [Fact]
    public void Audit_NamesTheRoundAndMembers_WhenAUtilityReportBlobIsReplaced()
    {
        var planHash = Convert.FromHexString(fx.Plan.Hash);
        var signer = fx.Consortium.Members[1];
        var copy = Path.Combine(fx.TempPath, "altered-blobs");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(fx.Blobs, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            var report = UtilityReportBlob.LooksLikeReport(bytes, planHash) ? UtilityReportBlob.Read(bytes, planHash, out _) : null;
            if (report is { Round: 2 } && report.Member == signer.Key.Address.ToLowerHex())
            {
                // The member re-signs a report claiming the new global model did much better on its rows.
                var altered = report with { Utilities = [.. report.Utilities.Select((u, i) => i == report.Utilities.Count - 1 ? u with { Utility = u.Utility + 50_000_000 } : u)] };
                bytes = UtilityReportBlob.Seal(signer.Key, planHash, altered);
            }

            File.WriteAllBytes(Path.Combine(copy, Convert.ToHexStringLower(SHA256.HashData(bytes))), bytes);
        }

        var findings = new Auditor(fx.State, copy, fx.Events).Run().Findings;

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(2, f.Round));
        Assert.Contains(findings, f => f.Member is not null && f.Problem.StartsWith("recorded score", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Problem.StartsWith("agreed scores", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Registry_RefusesToAdmitAnAddressTwice()
    {
        var voters = fx.Consortium.Members.Select(m => m.Chain).ToList();
        var existing = fx.Consortium.Members[2];

        var error = await Assert.ThrowsAsync<ContractRevertException>(() => AnvilGovernance.PassAsync(
            Proposals.Admit(fx.Consortium.Addresses, new MemberInfo(existing.Address, MemberRole.Member, "cleveland-copy", "127.0.0.1:1")), voters));

        Assert.Equal("AlreadyRegistered", error.ErrorName);
        Assert.Equal(4, (await voters[0].Membership.MembersAsync()).Count);
    }

    [Fact]
    public async Task ASecondIdentity_IsAdmittedOnlyByAGovernanceVote()
    {
        using var chain = new ChainClient(fx.Consortium.Anvil.RpcUrl, fx.Consortium.Anvil.DevPrivateKeys[5], AnvilProcess.ChainId);
        var newcomer = new Consortium(chain, fx.Consortium.Addresses);
        var candidate = new MemberInfo(chain.Address, MemberRole.Member, "hungary-second-identity", "127.0.0.1:2");

        var selfAdmit = await Assert.ThrowsAsync<ContractRevertException>(() => chain.SendAsync(fx.Consortium.Addresses.MembershipRegistry,
            new MembershipFunctions.Admit { Account = candidate.Address, Role = (byte)candidate.Role, Name = candidate.Name, Endpoint = candidate.Endpoint }));
        Assert.Equal("NotGovernance", selfAdmit.ErrorName);
        Assert.False(await newcomer.Membership.IsMemberAsync(chain.Address));

        await AnvilGovernance.PassAsync(Proposals.Admit(fx.Consortium.Addresses, candidate), [.. fx.Consortium.Members.Select(m => m.Chain)]);

        Assert.True(await newcomer.Membership.IsMemberAsync(chain.Address));
    }

    private static int Index(ScoreVector vector, string member) =>
        vector.Members.Select(m => m.ToLowerInvariant()).ToList().IndexOf(member);
}
