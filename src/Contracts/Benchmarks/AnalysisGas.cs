using FedChain.Contracts.Ledger;

namespace FedChain.Contracts.Benchmarks;

/// <summary>
/// Gas of an analysis plan (kind 1): every member commits one-sample blobs of statistics for a few
/// rounds, the first data round charged the plan's epsilon, then votes the result, and the vote that
/// reaches quorum closes the plan before its schedule. Keys are <c>ledger_analysis_*</c> and
/// <c>ledger_voteResult*</c> in <c>operations</c>.
/// </summary>
internal static class AnalysisGas
{
    private const int MaxRounds = 8;
    private const int RoundsRun = 4;

    public static async Task MeasureAsync(int n, IDictionary<string, long> ops, IProgress<string>? progress, CancellationToken ct)
    {
        await using var bench = await BenchConsortium.StartAsync(n, null, ct);
        var plan = bench.Plan(MaxRounds, 300_000, "analysis plan");
        plan.Kind = (byte)PlanKind.Analysis;
        plan.SetupRounds = 0;
        plan.EpsilonBudget = plan.EpsilonPerRound;
        plan.RewardPool = 0;
        plan.MaxSamples = [.. plan.MaxSamples.Select(_ => 1UL)];
        var (planId, startGas) = await bench.StartPlanAsync(plan, "startPlan_analysis", null, ct);
        ops["governor_execute_startPlan_analysis"] = startGas;
        for (var r = 0; r < RoundsRun; r++)
        {
            for (var i = 0; i < n; i++)
            {
                var sum = r == 0 ? null : BenchConsortium.Sha($"sum {planId}/{r - 1}");
                var commit = await bench.Members[i].Ledger.CommitAsync(new RoundCommitment(planId, (uint)r, BenchConsortium.Sha($"statistics {planId}/{i}/{r}"), 1, sum, null), ct);
                if (r == 0 && i == 1) ops["ledger_analysis_commit_round_0_charged"] = commit.GasUsed;
                if (r == RoundsRun - 1 && i == 1) ops["ledger_analysis_commit"] = commit.GasUsed;
            }
        }

        var result = BenchConsortium.Sha($"analysis.json {planId}");
        var quorum = Quorum.VotesNeeded(n, plan.QuorumPercent);
        for (var i = 0; i < quorum; i++)
        {
            var vote = await bench.Members[i].Ledger.VoteResultAsync(planId, RoundsRun - 1, result, ct);
            ops[i == 0 ? "ledger_voteResult_first" : i == quorum - 1 ? "ledger_voteResult_closing_plan_early" : "ledger_voteResult"] = vote.GasUsed;
        }

        progress?.Report($"{n} members: analysis plan closed after {RoundsRun} of {MaxRounds} rounds");
    }
}
