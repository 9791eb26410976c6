using System.Numerics;
using FedChain.Contracts.Events;
using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Data;
using FedChain.Learning.Data.Ingestion;
using FedChain.Node.Agent;
using FedChain.Node.Blobs;

namespace FedChain.Node.Analyses;

/// <summary>
/// Takes this node through one analysis plan, driven by chain events: check the plan against the
/// chain's terms, opt in, (under secure aggregation) exchange keys in round 0, then per data round
/// compute this site's statistics with the session (<see cref="AnalysisSession.Contribute"/>), commit
/// the hash of their blob, wait for the round to close, sum every committed vector in the 64-bit
/// ring (unmasking it under secure aggregation), vote that sum on the next commit, and advance the
/// public state as every member does. When the analyses finish, the member votes the hash of the
/// results (analysis.json): a quorum of equal hashes closes the plan, early if rounds are left.
/// A site's statistics missing from a round stop the plan: the results would not be the pooled ones.
/// </summary>
public sealed partial class AnalysisRunner(NodeContext node, BigInteger planId)
{
    private readonly PlanChain _chain = new(node, planId);

    private string Directory => Path.Combine(node.Config.Resolve(node.Config.StateDirectory), "plans", planId.ToString());

    public async Task RunAsync(CancellationToken ct)
    {
        var planHash = node.Chain.Read(s => s.Plans[planId].PlanHash);
        if (await LoadPlanAsync(planHash, ct) is not { } plan || LoadSite(plan) is not { } table) return;
        var invited = node.Chain.Read(s => Names(s, s.Plans[planId].Invited));
        if (Refusal(plan, invited) is { } refused)
        {
            Refuse(refused);
            return;
        }

        _chain.Report("plan", detail: $"analysis plan {Convert.ToHexStringLower(planHash)[..12]}: {plan.Analyses.Count} analyses over {table.RowCount} rows here");
        if (!await _chain.EnrolAsync(ct)) return;
        if (_chain.Committed(0))
        {
            Refuse("this node committed to the plan before it restarted: an analysis cannot resume its secrets or its state");
            return;
        }

        var sites = node.Chain.Read(s => Names(s, s.Plans[planId].Participants));
        var session = AnalysisSession.Start(plan, sites.Values);
        var setup = AnalysisProposal.SetupRounds(plan);
        var scheduled = (int)node.Chain.Read(s => s.Plans[planId].TotalRounds);
        if (setup + session.MaxRounds > scheduled)
            throw new AnalysisStoppedException($"the {sites.Count} participants' analyses may take {session.MaxRounds} rounds, the chain schedules {scheduled - setup}");
        Log.AnalysisStarted(node.Logger, planId, sites.Count, session.MaxRounds, plan.SecureAggregation);

        using var secure = plan.SecureAggregation ? await AnalysisSecureRounds.SetUpAsync(_chain, planHash, scheduled - setup, ct) : null;
        var input = new SiteInput(table, new Learning.Privacy.DpSgd.CryptoNoiseSource());
        var shared = new List<SharedBlock>();
        byte[]? previousSum = null;
        var round = setup;
        for (; !session.Finished; round++)
        {
            if (round >= scheduled) throw new AnalysisStoppedException($"the analyses did not finish within the chain's {scheduled} rounds");
            await ContributeAsync(session, input, secure, round, previousSum, ct);
            var sum = await SumAsync(session, secure, round, planHash, sites.Count, ct);
            previousSum = AnalysisVectors.SumHash(sum);
            shared.AddRange(session.NextShared);
            session = session.Advance(sum);
            var finished = session.States.Count(s => s.Finished);
            Log.AnalysisRoundSummed(node.Logger, planId, round, sum.Length, sites.Count, finished, plan.Analyses.Count);
            _chain.Report("round", round, detail: $"{finished} of {plan.Analyses.Count} analyses finished");
        }

        await FinishAsync(plan, session.Outcome(shared), round - 1, ct);
    }

    /// <summary>The plan document is the blob whose id is the plan hash on-chain.</summary>
    private async Task<AnalysisPlan?> LoadPlanAsync(byte[] planHash, CancellationToken ct)
    {
        var id = BlobId.FromBytes(planHash);
        _chain.Report("phase", phase: "fetching plan");
        await node.Network.FetchBlobAsync(id, ct);
        var bytes = await node.Network.ReadBlobAsync(id, ct);
        try
        {
            var plan = AnalysisDocument.Parse(bytes, $"blob {id}");
            var local = Learning.Data.Schema.DatasetSchema.Load(node.Config.Resolve(node.Config.Schema));
            if (plan.Schema!.Hash != local.Hash) return Refuse<AnalysisPlan>($"the plan's schema {plan.Schema.Hash[..12]} is not this node's schema {local.Hash[..12]} ({node.Config.Schema})");
            return plan;
        }
        catch (AnalysisPlanException e)
        {
            return Refuse<AnalysisPlan>($"the plan document is not a valid analysis plan: {e.Message}");
        }
    }

    /// <summary>This site's rows through its mapping; null (refused) when the schema rejects the file.</summary>
    private SiteTable? LoadSite(AnalysisPlan plan)
    {
        var mapping = node.Config.Mapping is { } m ? node.Config.Resolve(m) : null;
        var data = node.Config.Resolve(node.Config.Data);
        var ingested = CsvIngestion.Load(plan.Schema!, new SiteSource(node.Config.Site, data, Mapping: mapping));
        if (ingested.Report.Rejected) return Refuse<SiteTable>($"{data} is rejected by the plan's schema: {ingested.Report}");
        return ingested.Table;
    }

    /// <summary>Why this node does not take part: the chain's terms are not what the plan document asks.</summary>
    private string? Refusal(AnalysisPlan plan, IReadOnlyDictionary<string, string> invited)
    {
        var (terms, limits, rounds) = node.Chain.Read(s => (s.Plans[planId].Terms, s.Plans[planId].Limits, s.Plans[planId].TotalRounds));
        if (!invited.TryGetValue(node.Me, out var me) || me != node.Config.Site)
            return $"this node's site '{node.Config.Site}' is not its registry name '{me}': the analysis names sites as the registry does";
        if (terms is null || limits is null) return "the chain has not told the plan's terms";
        if (terms.SecureAggregation != plan.SecureAggregation) return $"the plan {(plan.SecureAggregation ? "asks for" : "does not ask for")} secure aggregation, the chain says {terms.SecureAggregation}";
        if (limits.SetupRounds != AnalysisProposal.SetupRounds(plan)) return $"the chain schedules {limits.SetupRounds} setup rounds, the plan needs {AnalysisProposal.SetupRounds(plan)}";
        if (limits.EpsilonPerRound != AnalysisProposal.EpsilonMicro(plan)) return $"the chain charges {limits.EpsilonPerRound} micro-epsilon, the plan's DP releases cost {AnalysisProposal.EpsilonMicro(plan)}";
        var expected = AnalysisProposal.ChainRounds(plan, [.. invited.Values]);
        return rounds != expected ? $"the chain schedules {rounds} rounds, the plan takes at most {expected} for its invitees" : null;
    }

    /// <summary>Registry names of <paramref name="addresses"/> (lower-case address to name).</summary>
    private static Dictionary<string, string> Names(LedgerState s, IEnumerable<string> addresses) =>
        addresses.ToDictionary(a => a, a => s.Members.TryGetValue(a, out var m) ? m.Name : a, StringComparer.Ordinal);

    private T? Refuse<T>(string why) where T : class
    {
        Refuse(why);
        return null;
    }

    private void Refuse(string why)
    {
        Log.PlanRefused(node.Logger, planId, why);
        _chain.Report("error", detail: $"plan {planId} refused: {why}");
    }
}
