using FedChain.Node.Blobs;
using FedChain.Node.Rounds;
using FedChain.Node.Tests.EndToEnd;

namespace FedChain.Node.Tests.ShardedRounds;

/// <summary>Sharded plans in node processes on anvil: the same bits as `fedchain simulate` and as full replication, audit clean.</summary>
[Collection(ConsortiumCollection.Name)]
public sealed class ShardedRoundsTests(ShardedConsortiumRun run) : IClassFixture<ShardedConsortiumRun>
{
    [Fact]
    public void ShardedPlan_EndsOnTheBitsOfFullReplicationAndOfSimulate()
    {
        var full = run.Ledger.Plans[run.PlanIds[0]].Rounds[^1].FinalAggregate!;
        var sharded = run.Ledger.Plans[run.PlanIds[1]].Rounds[^1].FinalAggregate!;

        Assert.All(run.ExitCodes, code => Assert.Equal(0, code));
        Assert.Equal(Convert.ToHexStringLower(full), Convert.ToHexStringLower(sharded));
        Assert.Equal(run.SimulatedModelHash(run.Plans[1]), Convert.ToHexStringLower(sharded));
        Assert.All(run.Members, m => Assert.Equal(Convert.ToHexStringLower(sharded), run.ResultOf(m, run.PlanIds[1]).FinalModelHash));
    }

    [Fact]
    public void ShardedPlanUnderSecureAggregation_EveryNodeHoldsTheSimulatedBits()
    {
        var expected = run.SimulatedModelHash(run.Plans[2]);

        Assert.Equal(expected, Convert.ToHexStringLower(run.Ledger.Plans[run.PlanIds[2]].Rounds[^1].FinalAggregate!));
        Assert.All(run.Members, m => Assert.Equal(expected, run.ResultOf(m, run.PlanIds[2]).FinalModelHash));
    }

    [Fact]
    public void ShardedCommits_ListOneShardPerParticipant_AndTheAuditResumsThemCleanly()
    {
        var round = run.Ledger.Plans[run.PlanIds[1]].Rounds[1];
        var envelope = BlobEnvelope.Open(ExportedBlobs.TryRead(run.Blobs, Convert.ToHexStringLower(round.Commitments[0].BlobHash))!);

        Assert.Equal(run.Members.Count * BlobId.Length, envelope.Body.Length);
        Assert.Empty(run.Audit.Findings);
        Assert.Equal(run.Plans.Count * (ShardedConsortiumRun.Rounds + 1), run.Audit.RoundsChecked);
    }
}
