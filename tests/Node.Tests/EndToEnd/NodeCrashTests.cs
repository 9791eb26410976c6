using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;
using FedChain.Node.Audit;
using FedChain.Node.Demo;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.EndToEnd;

/// <summary>A node killed with SIGKILL mid-plan: the chain closes its round with the survivors, the node comes back and goes on.</summary>
[Collection(FedChain.Node.Tests.EndToEnd.ConsortiumCollection.Name)]
public sealed class NodeCrashTests
{
    [Fact]
    public async Task Sigkill_MidPlan_MissedRoundClosesWithSurvivorsAndTheNodeRejoinsTheNext()
    {
        using var dir = new TempDirectory();
        await using var consortium = await HeartConsortium.CreateAsync(dir.Path, HeartConsortium.Sites);
        var members = consortium.Members;
        var plan = LocalConsortium.WithTerms(Demo.DemoPlan.HeartDisease(HeartConsortium.Schema, rounds: 4, seed: 5), commitWindowSeconds: 20, enrolmentWindowSeconds: 120);
        consortium.OfferPlan(members[0], plan);
        var watch = new NodeWatch();
        var nodes = members.Select(m => NodeProcess.Start(m)).ToList();
        foreach (var node in nodes) watch.Attach(node);
        var victim = nodes[2];
        NodeProcess? restarted = null;
        try
        {
            await watch.AllAsync(members.Select(m => m.Site), s => s.Event == "ready", "ready");
            var planId = await consortium.StartPlanAsync(plan);

            // The victim has committed round 1 and waits for the others: kill it there. Its status line
            // may reach us late, so the round it misses is read from the chain afterwards.
            await watch.WaitAsync(victim.Member.Site, s => s.Round == 1 && s.Phase == "waiting for commits", "victim committed round 1");
            victim.Kill();
            Assert.NotEqual(0, await victim.Exited.WaitAsync(TimeSpan.FromSeconds(30)));
            var victimAddress = victim.Member.Address;
            bool ByVictim(LedgerEvents.Committed c) => c.Member.Equals(victimAddress, StringComparison.OrdinalIgnoreCase);
            var before = await LedgerState.ReplayAsync(new ChainEventReader(consortium.Deployer, consortium.Addresses), consortium.Addresses.DeploymentBlock);
            var missed = before.Plans[planId].Rounds.Count(r => r.Commitments.Any(ByVictim));
            Assert.True(missed < plan.Rounds, $"the victim committed up to round {missed - 1} before the kill landed; no round is left to rejoin");

            // A survivor fetches the missed round's updates only once the chain closed it at its deadline;
            // the victim comes back then, with the next round's whole window ahead of it.
            await watch.WaitAsync(members[0].Site, s => s.Round == missed && s.Phase == "fetching updates", $"round {missed} closed");
            restarted = NodeProcess.Start(victim.Member);
            watch.Attach(restarted);
            await watch.AllAsync(members.Select(m => m.Site), s => s.Event == "done", "done", TimeSpan.FromMinutes(3));
            foreach (var node in nodes.Where(n => n != victim).Append(restarted)) Assert.Equal(0, await node.Exited.WaitAsync(TimeSpan.FromSeconds(30)));

            var ledger = await LedgerState.ReplayAsync(new ChainEventReader(consortium.Deployer, consortium.Addresses), consortium.Addresses.DeploymentBlock);
            var rounds = ledger.Plans[planId].Rounds;
            Assert.False(rounds[missed].ClosedEarly);
            Assert.Equal(3, rounds[missed].Commitments.Count);
            Assert.DoesNotContain(rounds[missed].Commitments, ByVictim);
            Assert.Contains(rounds[missed + 1].Commitments, ByVictim);
            Assert.True(rounds[missed + 1].ClosedEarly);

            var results = members.Select(m => m.ReadResult(planId)).ToList();
            Assert.Single(results.Select(r => r.FinalModelHash).Distinct());
            Assert.Equal(Convert.ToHexStringLower(rounds[^1].FinalAggregate!), results[0].FinalModelHash);

            var audit = await Auditor.RunAsync(new ChainEventReader(consortium.Deployer, consortium.Addresses), consortium.Addresses.DeploymentBlock, results[0].BlobExport!);
            Assert.True(audit.Ok, string.Join("\n", audit.Findings));
        }
        finally
        {
            foreach (var node in nodes) node.Dispose();
            restarted?.Dispose();
        }
    }
}
