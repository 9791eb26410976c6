using System.Security.Cryptography;
using System.Text;
using FedChain.Contracts.Ledger;
using FedChain.Learning.Analysis.Results;
using FedChain.Learning.Tests.Analysis;
using FedChain.Node.Audit;
using FedChain.Node.Rounds;
using FedChain.Node.Tests.EndToEnd;
using FedChain.TestSupport;
using Xunit.Abstractions;

namespace FedChain.Node.Tests.Analyses;

/// <summary>
/// Analysis plans through four node processes on anvil (<see cref="HeartAnalysisRun"/>): the GLMs equal
/// R's pooled fits to 1e-6 relative (1e-4 for p-values) with the shipped plan's settings (secure
/// aggregation, k = 5, maxParameterShare 0.33) and without secure aggregation; every node writes
/// the analysis.json `fedchain analyse` writes; the chain closes each plan on a quorum of equal result
/// hashes before its schedule ends, charges the DP plan's epsilon once, and the audit recomputes both.
/// </summary>
[Collection(ConsortiumCollection.Name)]
public sealed class HeartAnalysisNodeTests(HeartAnalysisRun run, ITestOutputHelper output) : IClassFixture<HeartAnalysisRun>
{
    [Theory]
    [InlineData(HeartAnalysisRun.Shipped, "logistic", "glm_binomial")]
    [InlineData(HeartAnalysisRun.Shipped, "linear", "glm_gaussian")]
    [InlineData(HeartAnalysisRun.Shipped, "poisson", "glm_poisson")]
    [InlineData(HeartAnalysisRun.PlainWithDp, "linear", "glm_gaussian")]
    public void Glm_ThroughTheNodes_EqualsThePooledFit(int plan, string analysis, string reference)
    {
        var expected = ReferenceNumbers.Heart.GetProperty(reference);
        foreach (var member in run.Members)
        {
            var sut = NodeResults.Of(run.NodeAnalysisJson(member, plan)).Result<GlmResult>(analysis);

            var (worst, worstP) = ReferenceAssert.Glm(expected, sut);
            output.WriteLine($"{member.Site}, plan {plan}, {analysis}: {sut.Steps} steps, largest relative error {worst:E2} (p-values {worstP:E2})");
        }

        output.WriteLine($"the run took {run.Elapsed.TotalSeconds:F0} s");
    }

    [Fact]
    public async Task EveryNodesAnalysisJson_IsWhatFedchainAnalyseWrites_ForTheSamePlan()
    {
        var analyse = await run.FedchainAnalyseAsync(HeartAnalysisRun.Shipped);

        Assert.All(run.Members, m => Assert.Equal(analyse, run.NodeAnalysisJson(m, HeartAnalysisRun.Shipped)));
    }

    [Fact]
    public void TheDpPlan_GivesEveryNodeTheSameNoisyCounts_AndTheLedgerChargesEachMemberItsEpsilonOnce()
    {
        var first = run.NodeAnalysisJson(run.Members[0], HeartAnalysisRun.PlainWithDp);
        Assert.All(run.Members, m => Assert.Equal(first, run.NodeAnalysisJson(m, HeartAnalysisRun.PlainWithDp)));
        var results = NodeResults.Of(first);
        Assert.Equal(0.4, results["missingness-dp"].Dp!.Epsilon);
        Assert.Equal(0.3, results["age-by-site-dp"].Dp!.Epsilon);

        var record = run.Record(HeartAnalysisRun.PlainWithDp);
        var micro = (ulong)FixedPoint.ToMicro(HeartAnalysisRun.DpEpsilon);
        Assert.Equal(micro, record.Limits!.EpsilonPerRound);
        Assert.All(record.Participants, m => Assert.Equal(micro, record.EpsilonSpent[m]));
        Assert.All(record.Rounds[0].Commitments, c => Assert.Equal(micro, c.EpsilonSpent));
        Assert.All(record.Rounds.Skip(1).SelectMany(r => r.Commitments), c => Assert.Equal(0UL, c.EpsilonSpent));
        Assert.All(record.Participants, m => Assert.Equal(micro, run.Ledger.LifetimeSpent(m, record.Limits.SchemaHash)));
        Assert.All(run.Record(HeartAnalysisRun.Shipped).EpsilonSpent.Values, spent => Assert.Equal(0UL, spent));
    }

    [Theory]
    [InlineData(HeartAnalysisRun.Shipped)]
    [InlineData(HeartAnalysisRun.PlainWithDp)]
    public void TheChain_ClosedThePlanEarly_OnAQuorumOfEqualResultHashes(int plan)
    {
        var record = run.Record(plan);
        var json = run.NodeAnalysisJson(run.Members[0], plan);
        var outcome = System.Text.Json.JsonDocument.Parse(json).RootElement;
        var setup = record.Limits!.SetupRounds;
        var lastRound = setup + outcome.GetProperty("rounds").GetInt32() - 1;

        Assert.Equal(PlanKind.Analysis, record.Kind);
        Assert.Equal(PlanStatus.Completed, record.Status);
        var agreed = record.AgreedResult ?? throw new Xunit.Sdk.XunitException("no result was agreed");
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(json)), agreed.ResultHash);
        Assert.Equal((uint)lastRound, agreed.Round);
        Assert.True(lastRound < record.TotalRounds - 1, $"the plan used {lastRound + 1} of its {record.TotalRounds} rounds: it did not close early");
        Assert.Equal(run.Members.Count, record.ResultVotes.Count);
        Assert.All(record.Rounds.Skip(lastRound + 1), r => Assert.Empty(r.Commitments));
        Assert.All(record.Rounds.Skip(setup).Take(lastRound - setup), r => Assert.NotNull(r.FinalAggregate));
        Assert.All(run.Members, m => Assert.True(run.NodeResult(m, plan).Agreed));
        output.WriteLine($"plan {plan}: {lastRound + 1} of {record.TotalRounds} scheduled rounds");
    }

    /// <summary>What each site put on the chain and the network: one sample per commit (its rows stay off it), and
    /// under secure aggregation only masked vectors; without it, the plain statistics vectors.</summary>
    [Theory]
    [InlineData(HeartAnalysisRun.Shipped, EnvelopeKind.MaskedAnalysisVector)]
    [InlineData(HeartAnalysisRun.PlainWithDp, EnvelopeKind.AnalysisVector)]
    public void EachSite_CommittedOneSampleBlobsOfTheRightKind(int plan, EnvelopeKind dataKind)
    {
        var record = run.Record(plan);
        var setup = record.Limits!.SetupRounds;
        foreach (var commit in record.Rounds.SelectMany(r => r.Commitments))
        {
            Assert.Equal(1UL, commit.SampleCount);
            var envelope = BlobEnvelope.Open(BlobFolder.Blob(run.Blobs, commit.BlobHash));
            Assert.Equal(commit.Round < setup ? EnvelopeKind.SecAggShares : dataKind, envelope.Kind);
        }
    }

    [Fact]
    public void TheAudit_RecomputesBothPlansResultsFromTheExportedBlobs()
    {
        Assert.Empty(run.Audit.Findings);
        for (var plan = 0; plan < run.Plans.Count; plan++)
            Assert.Equal(run.NodeAnalysisJson(run.Members[0], plan), run.Audit.Analyses[run.PlanIds[plan].ToString()]);
    }

    [Fact]
    public async Task TheAudit_FindsATamperedStatisticsBlob()
    {
        using var copy = new TempDirectory();
        foreach (var (id, content) in BlobFolder.All(run.Blobs)) await File.WriteAllBytesAsync(copy.File(id), content);
        var record = run.Record(HeartAnalysisRun.PlainWithDp);
        var commit = record.Rounds[0].Commitments[0];
        var target = copy.File(Convert.ToHexStringLower(commit.BlobHash));
        var bytes = await File.ReadAllBytesAsync(target);
        bytes[80] ^= 1; // a statistic in the body
        await File.WriteAllBytesAsync(target, bytes);

        var sut = new Auditor(run.Ledger, copy.Path).Run();

        Assert.Contains(sut.Findings, f => f.Plan == run.PlanIds[HeartAnalysisRun.PlainWithDp].ToString() && f.Round == 0
            && string.Equals(f.Member, commit.Member, StringComparison.OrdinalIgnoreCase) && f.Problem.Contains("does not hash", StringComparison.Ordinal));
    }
}
