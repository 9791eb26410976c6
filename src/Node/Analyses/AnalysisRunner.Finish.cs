using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FedChain.Contracts.Client;
using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;
using FedChain.Node.Agent;
using FedChain.Node.Reports;

namespace FedChain.Node.Analyses;

public sealed partial class AnalysisRunner
{
    /// <summary>
    /// Votes the hash of analysis.json for the last round it used, waits (at most a commit window) for
    /// the quorum that closes the plan, writes analysis.json, report.html and result.json, and exports
    /// the blobs for auditors.
    /// </summary>
    private async Task FinishAsync(AnalysisPlan plan, AnalysisOutcome outcome, int lastRound, CancellationToken ct)
    {
        var json = AnalysisJson.Serialize(outcome);
        var resultHash = SHA256.HashData(Encoding.UTF8.GetBytes(json));
        _chain.Report("phase", lastRound, phase: "voting the result");
        try
        {
            await node.Consortium.Ledger.VoteResultAsync(planId, (uint)lastRound, resultHash, ct);
        }
        catch (ContractRevertException e)
        {
            Log.CommitRefused(node.Logger, planId, lastRound, e.Message);
        }

        var agreed = await AgreedAsync(resultHash, ct);
        System.IO.Directory.CreateDirectory(Directory);
        var analysisFile = Path.Combine(Directory, "analysis.json");
        await File.WriteAllTextAsync(analysisFile, json, ct);
        await File.WriteAllBytesAsync(Path.Combine(Directory, "plan.json"), plan.CanonicalBytes(), ct);
        AnalysisReport.Write(plan, outcome, Directory);

        var export = await ExportAsync(ct);
        var hex = Convert.ToHexStringLower(resultHash);
        var result = new AnalysisNodeResult(planId.ToString(), plan.Hash, node.Key.Address.ToString(), node.Config.Site, hex, agreed, outcome.Rounds, outcome.MaxRounds, analysisFile, export);
        await File.WriteAllTextAsync(Path.Combine(Directory, "result.json"), JsonSerializer.Serialize(result, StatusReporter.Json), ct);
        Log.AnalysisFinished(node.Logger, planId, lastRound, hex, agreed);
        _chain.Report("done", lastRound, detail: Path.Combine(Directory, "result.json"));
    }

    /// <summary>Whether the chain agreed <paramref name="resultHash"/>, waiting a commit window for the other members' votes.</summary>
    private async Task<bool> AgreedAsync(byte[] resultHash, CancellationToken ct)
    {
        using var window = CancellationTokenSource.CreateLinkedTokenSource(ct);
        window.CancelAfter(_chain.BlobWait);
        try
        {
            var agreed = await node.Chain.WaitAsync(s => s.Plans[planId].AgreedResult, window.Token);
            return agreed.ResultHash.AsSpan().SequenceEqual(resultHash);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<string?> ExportAsync(CancellationToken ct)
    {
        if (node.Config.ExportBlobs is not { } folder) return null;
        var export = node.Config.Resolve(folder);
        await node.ExportGate.WaitAsync(ct);
        try
        {
            node.Network.ExportBlobs(export);
        }
        finally
        {
            node.ExportGate.Release();
        }

        return export;
    }
}
