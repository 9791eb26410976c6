using FedChain.Contracts.Events;
using FedChain.Learning.Aggregation;
using FedChain.Learning.Contribution;
using FedChain.Learning.Training;
using FedChain.Node.Agent;
using FedChain.Node.Contributions;
using FedChain.Node.Identity;
using FedChain.Node.Rounds;

namespace FedChain.Node.Tests.SecureRounds;

/// <summary>Secure aggregation in the running node, on one real consortium run (<see cref="SecureConsortiumRun"/>).</summary>
[Collection(FedChain.Node.Tests.EndToEnd.ConsortiumCollection.Name)]
public sealed class NodeSecureAggregationTests(SecureConsortiumRun run) : IClassFixture<SecureConsortiumRun>
{
    private PlanRecord Record => run.Ledger.Plans[run.PlanId];

    [Fact]
    public void EverySurvivor_EndsWithTheFinalisedModel_AndTheAuditPasses()
    {
        Assert.All(run.ExitCodes, code => Assert.Equal(0, code));
        var finalised = Convert.ToHexStringLower(Record.Rounds[^1].FinalAggregate ?? throw new Xunit.Sdk.XunitException("the last aggregate was not finalised"));
        Assert.All(run.Results, r => Assert.Equal(finalised, r.FinalModelHash));
        Assert.Empty(run.Audit.Findings);
        Assert.Equal(SecureConsortiumRun.Rounds + 1, run.Audit.RoundsChecked);
    }

    [Fact]
    public void TheVictim_ExchangedKeysAndCommittedRound1_ButNotRound2()
    {
        Assert.Equal(4, Record.Rounds[0].Commitments.Count);
        Assert.Equal(4, Record.Rounds[1].Commitments.Count);
        Assert.Equal(3, Record.Rounds[2].Commitments.Count);
        Assert.DoesNotContain(Record.Rounds[2].Commitments, c => string.Equals(c.Member, run.Victim!.Address, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Secure aggregation and contribution scores together: sample-share scores from models built from the unmasked sum
    /// alone, agreed, recorded and rewarded on-chain, and recomputed by the audit from the signed reports.</summary>
    [Fact]
    public void SampleShareScores_AreComputedFromTheSumAlone_AgreedRecordedAndAudited()
    {
        Assert.All(run.NodeScores, scores => Assert.Equal([1, SecureConsortiumRun.Rounds], scores.RecordedRounds));
        Assert.All(run.NodeScores, scores => Assert.Empty(scores.DifferentRounds));
        for (var round = 1; round <= SecureConsortiumRun.Rounds; round++)
        {
            var recorded = Record.Rounds[round].RecordedScores ?? throw new Xunit.Sdk.XunitException($"round {round}'s scores were not recorded");
            var survivors = Record.Rounds[round].Commitments.Select(c => c.Member.ToLowerInvariant()).Order(StringComparer.Ordinal);
            Assert.Equal(survivors, recorded.Members.Select(m => m.ToLowerInvariant()));
            var scored = run.NodeScores[0].Rounds.Single(r => r.Round == round);
            // Only U(none) and U(all) exist without individual updates: two subsets per report, gain shared by sample count.
            Assert.Equal(ContributionMethod.SampleShare, scored.Engine.Method);
            Assert.NotNull(scored.Engine.UtilityOfAll);
            var samples = Record.Rounds[round].Commitments.OrderBy(c => c.Member.ToLowerInvariant(), StringComparer.Ordinal).Select(c => (double)c.SampleCount).ToList();
            var gain = (double)scored.Engine.UtilityOfAll!.Value - scored.Engine.UtilityOfNone!.Value;
            Assert.All(Enumerable.Range(0, samples.Count), i => Assert.Equal(gain * samples[i] / samples.Sum() / ChainScores.EngineUnitsPerMicro, recorded.Scores[i], 0));
        }

        Assert.Empty(run.Audit.Findings);
    }

    /// <summary>The test trains each member's round itself (training is seeded and deterministic without DP) to get
    /// its plain update: the masks cancel exactly, also with a dropout, and no committed blob is a plain update.</summary>
    [Fact]
    public void EachFinalisedAggregate_IsThePlainSumOfTheRoundsSurvivors_AndNoCommittedBlobIsItsPlainUpdate()
    {
        var plan = run.Plan;
        var track = new AggregateTrack(plan, Record.Participants.Count);
        track.ApplyMoments([.. Record.Rounds[0].Commitments.Select(c => CommitmentCheck.Check(plan, Record.PlanHash, c, Blob(c.BlobHash), out _)!)]);
        var sites = run.Members.ToDictionary(m => m.Address.ToLowerInvariant(), m =>
        {
            var site = LocalSite.Load(plan, m.Site, run.DataFiles[m.Site].File, run.DataFiles[m.Site].Mapping);
            site.Normalise(plan.Normalisation, track.PooledMoments);
            return site;
        });

        for (var round = 1; round <= SecureConsortiumRun.Rounds; round++)
        {
            var plain = new List<AcceptedBlob>();
            foreach (var commitment in Record.Rounds[round].Commitments)
            {
                var site = sites[commitment.Member.ToLowerInvariant()];
                var update = ClientStep.Run(plan, track.Global, track.Server.Control, site.Scaled!.Train, round, ClientState.Initial);
                var quantised = RoundAggregation.Quantise(plan, update, round, site.Name, out _);
                var committed = BlobEnvelope.Open(Blob(commitment.BlobHash));
                Assert.Equal(EnvelopeKind.MaskedUpdate, committed.Kind);
                var masked = EnvelopeBodies.ReadUpdate(committed.Body, plan.UpdateLength);
                // A uniformly masked coordinate equals the plain one with probability 2^-32.
                Assert.All(Enumerable.Range(0, masked.Length), i => Assert.NotEqual(quantised[i], masked[i]));
                plain.Add(new AcceptedBlob(NodeAddress.Parse(commitment.Member), "", committed with { Kind = EnvelopeKind.Update, Body = EnvelopeBodies.Update(quantised) }));
            }

            var expected = Convert.ToHexStringLower(track.ApplyUpdates(round, plain));
            Assert.Equal(expected, Convert.ToHexStringLower(Record.Rounds[round].FinalAggregate!));
        }
    }

    private byte[] Blob(byte[] hash)
    {
        var id = Convert.ToHexStringLower(hash);
        foreach (var path in new[] { Path.Combine(run.Blobs, id), Path.Combine(run.Blobs, id[..2], id) })
        {
            if (File.Exists(path)) return File.ReadAllBytes(path);
        }

        throw new Xunit.Sdk.XunitException($"blob {id} is not among the exported blobs");
    }
}
