using System.Globalization;
using System.Numerics;
using System.Text.Json;
using FedChain.Contracts.Events;
using FedChain.Node.Agent;
using FedChain.Node.Contributions;

namespace FedChain.Node.Demo;

/// <summary>The demo's contribution scores and rewards, as the chain recorded and minted them (report.json "scores").</summary>
/// <param name="Unit">Scores are chain micro units: 1e6 per 1.0 of utility (1 - Brier).</param>
/// <param name="RewardPerScore">Reward units paid per 1.0 of net score (the plan's pool over its training rounds).</param>
/// <param name="Cost">Scoring time against local training, means over nodes and rounds.</param>
public sealed record DemoScores(string Unit, string RewardPerScore, IReadOnlyList<DemoScoreRound> Rounds, IReadOnlyList<DemoMemberScore> Totals, DemoScoringCost Cost)
{
    /// <summary>Reads the recorded vectors and balances from <paramref name="ledger"/> and the nodes' scores.json for the timings.</summary>
    public static DemoScores? Build(LedgerState ledger, BigInteger planId, IReadOnlyList<PlanResult> results, IReadOnlyList<ConsortiumMember> members)
    {
        var plan = ledger.Plans[planId];
        var recorded = plan.Rounds.Where(r => r.RecordedScores is not null).ToList();
        if (recorded.Count == 0) return null;
        var sites = results.ToDictionary(r => r.Member.ToLowerInvariant(), r => r.Site);
        string Site(string address) => sites.GetValueOrDefault(address.ToLowerInvariant(), address);

        var rounds = recorded.Select(r => new DemoScoreRound((int)r.Round,
            r.RecordedScores!.Members.Zip(r.RecordedScores.Scores).ToDictionary(x => Site(x.First), x => x.Second),
            Convert.ToHexStringLower(r.RecordedScores.Hash()))).ToList();
        var totals = sites.Select(s => new DemoMemberScore(s.Value, s.Key,
            rounds.Sum(r => r.Scores.GetValueOrDefault(s.Value)),
            rounds.Sum(r => r.Scores.GetValueOrDefault(s.Value)) / 1e6,
            ledger.RewardBalances.GetValueOrDefault(s.Key).ToString(CultureInfo.InvariantCulture))).OrderBy(t => t.Site, StringComparer.Ordinal).ToList();
        return new DemoScores("micro", ChainScores.RewardPerScore(plan).ToString(CultureInfo.InvariantCulture), rounds, totals, MeasureCost(planId, results, members));
    }

    private static DemoScoringCost MeasureCost(BigInteger planId, IReadOnlyList<PlanResult> results, IReadOnlyList<ConsortiumMember> members)
    {
        var report = new List<double>();
        var scoring = new List<double>();
        var training = new List<double>();
        foreach (var member in members)
        {
            var file = Path.Combine(member.Directory, "state", "plans", planId.ToString(), "scores.json");
            if (!File.Exists(file)) continue;
            var scores = JsonSerializer.Deserialize<NodeScores>(File.ReadAllText(file), StatusReporter.Json)!;
            report.AddRange(scores.Rounds.Select(r => r.ReportMilliseconds));
            scoring.AddRange(scores.Rounds.Select(r => r.ScoringMilliseconds));
        }

        training.AddRange(results.SelectMany(r => r.Rounds.Skip(1)).Select(r => r.Timing?.TrainingMilliseconds ?? 0).Where(t => t > 0));
        double Mean(List<double> xs) => xs.Count == 0 ? double.NaN : xs.Average();
        return new DemoScoringCost(Mean(report), Mean(scoring), Mean(training), (Mean(report) + Mean(scoring)) / Mean(training));
    }
}

/// <param name="Scores">Per hospital, micro units.</param>
/// <param name="Hash">The recorded vector's hash (what the members agreed).</param>
public sealed record DemoScoreRound(int Round, IReadOnlyDictionary<string, long> Scores, string Hash);

/// <param name="Score">Sum over rounds, micro units.</param>
/// <param name="Utility">The same in utility (1 - Brier) units.</param>
/// <param name="RewardBalance">Reward-token balance after the plan, base units.</param>
public sealed record DemoMemberScore(string Site, string Address, long Score, double Utility, string RewardBalance);

/// <param name="ReportMilliseconds">A node's own utility report per round: build every subset model, evaluate it.</param>
/// <param name="ScoringMilliseconds">Combining the reports into scores per round.</param>
/// <param name="TrainingMilliseconds">A node's local training per round.</param>
/// <param name="Ratio">(report + scoring) / training.</param>
public sealed record DemoScoringCost(double ReportMilliseconds, double ScoringMilliseconds, double TrainingMilliseconds, double Ratio);
