using FedChain.Contracts.Client;
using FedChain.Contracts.Ledger;
using FedChain.Learning.Analysis.Engine;
using FedChain.Node.Blobs;
using FedChain.Node.Rounds;

namespace FedChain.Node.Analyses;

public sealed partial class AnalysisRunner
{
    /// <summary>This site's statistics for the round, masked under secure aggregation, published and committed with the vote on the previous round's sum.</summary>
    private async Task ContributeAsync(AnalysisSession session, SiteInput input, AnalysisSecureRounds? secure, int round, byte[]? previousSum, CancellationToken ct)
    {
        var opened = await _chain.WaitOpenedAsync(round, ct);
        if (await node.Chain.ChainNowAsync(ct) >= (long)opened.Deadline)
            throw new AnalysisStoppedException($"round {round} closed before this node could commit its statistics");
        _chain.Report("phase", round, phase: "sharing statistics");
        var statistics = session.Contribute(node.Config.Site, input);
        // Under secure aggregation round 0 only sets up, so data round r is chain round r (the pool's numbering).
        var (kind, body) = secure is null ? (EnvelopeKind.AnalysisVector, statistics) : (EnvelopeKind.MaskedAnalysisVector, secure.Mask(round, statistics));
        var id = await node.Network.PublishBlobAsync(BlobEnvelope.Seal(node.Key, kind, PlanHashOf(session), (uint)round, 1, AnalysisVectors.Body(body)), ct);
        _chain.Report("phase", round, phase: "committing");
        try
        {
            await node.Consortium.Ledger.CommitAsync(new RoundCommitment(planId, (uint)round, id.ToBytes(), 1, previousSum, null), ct);
        }
        catch (ContractRevertException e)
        {
            Log.CommitRefused(node.Logger, planId, round, e.Message);
            throw new AnalysisStoppedException($"round {round}: the chain refused this node's commit ({e.Message})");
        }
    }

    /// <summary>Waits for the round to close, checks every committed blob, and sums them: every site's statistics, or the plan stops.</summary>
    private async Task<ulong[]> SumAsync(AnalysisSession session, AnalysisSecureRounds? secure, int round, byte[] planHash, int sites, CancellationToken ct)
    {
        await _chain.WaitClosedAsync(round, ct);
        _chain.Report("phase", round, phase: "fetching statistics");
        var commitments = node.Chain.Read(s => _chain.RoundOf(s, round)!.Commitments.ToList());
        var blobs = await Task.WhenAll(commitments.Select(c => _chain.FetchAsync(BlobId.FromBytes(c.BlobHash), round, ct)));
        var setup = AnalysisProposal.SetupRounds(session.Plan);
        var accepted = new List<AcceptedBlob>();
        for (var i = 0; i < commitments.Count; i++)
        {
            var blob = AnalysisCommitments.Check(planHash, session.Plan.SecureAggregation, setup, 0, commitments[i], blobs[i], session.VectorLength, out var problem);
            if (blob is null) Log.AnalysisBlobRejected(node.Logger, planId, round, $"{commitments[i].Member}: {problem}");
            else accepted.Add(blob);
        }

        if (accepted.Select(a => a.Member.ToString().ToLowerInvariant()).Distinct().Count() != sites)
            throw new AnalysisStoppedException($"round {round}: {accepted.Count} of {sites} sites' statistics arrived intact: without every site the results would not be the pooled ones");
        return secure is null ? AnalysisMasking.PlainSum(accepted, session.VectorLength) : await secure.SumAsync(round, accepted, session.VectorLength, ct);
    }

    private static byte[] PlanHashOf(AnalysisSession session) => Convert.FromHexString(session.Plan.Hash);
}
