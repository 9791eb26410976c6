using FedChain.Contracts.Events;
using FedChain.Learning.Contribution;

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
        Assert.Equal(137, run.VictimExitCode);
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
            Assert.All(Enumerable.Range(0, samples.Count), i => Assert.Equal(gain * samples[i] / samples.Sum() / RewardRule.EngineUnitsPerChainUnit, recorded.Scores[i], 0));
        }

        Assert.Empty(run.Audit.Findings);
    }

    /// <summary>The masks cancel exactly, also with a dropout, and no committed blob is a plain update (<see cref="PlainReplay"/>).</summary>
    [Fact]
    public void EachFinalisedAggregate_IsThePlainSumOfTheRoundsSurvivors_AndNoCommittedBlobIsItsPlainUpdate()
    {
        var sites = run.Members.ToDictionary(m => m.Address.ToLowerInvariant(), m => m.Site);
        foreach (var (round, committers, aggregate) in PlainReplay.Rounds(run.Plan, Record, sites, run.DataFiles, h => PlainReplay.FromFolder(run.Blobs, h)))
        {
            // A uniformly masked coordinate equals the plain one with probability 2^-32.
            Assert.All(committers, c => Assert.All(Enumerable.Range(0, c.Masked.Length), i => Assert.NotEqual(c.Plain[i], c.Masked[i])));
            Assert.Equal(aggregate, Convert.ToHexStringLower(Record.Rounds[round].FinalAggregate!));
        }
    }
}
