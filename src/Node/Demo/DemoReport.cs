using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using FedChain.Learning.Metrics;
using FedChain.Learning.Plans;
using FedChain.Node.Agent;
using FedChain.Node.Audit;

namespace FedChain.Node.Demo;

/// <summary>What the demo shows and writes as report.json (snake_case keys) and report.html.</summary>
public sealed partial record DemoReport(
    string PlanId,
    string PlanHash,
    int Rounds,
    IReadOnlyDictionary<string, string> FinalModelHashes,
    string FinalisedModelHash,
    string SimulatedModelHash,
    bool MatchesSimulation,
    DemoAudit Audit,
    DemoMetrics Metrics,
    long GasTotal,
    IReadOnlyDictionary<string, GasLine> GasByFunction,
    IReadOnlyList<RoundOverhead> Overhead,
    double OverheadMaxMs,
    double OverheadMedianMs,
    IReadOnlyList<ChainTransaction> Transactions,
    DemoPrivacy? Privacy = null)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>True when every check passed: one model hash everywhere, equal to the simulation's (without DP: with DP each
    /// node's noise comes from its own CSPRNG, so no simulation can repeat it), and a clean audit.</summary>
    /// <summary>What the demo's plan protects, in words (the plan's protection section, docs and README say the same).</summary>
    public string Protection { get; init; } = "";

    /// <summary>The hash of the evaluation report the release names, built from the members' pinned evaluations.</summary>
    public string EvaluationReportHash { get; init; } = "";

    /// <summary>The headline metric's name (<see cref="MetricSet.Headline"/>): "accuracy", "C-index" or "log score".</summary>
    public string Metric { get; init; } = "accuracy";

    /// <summary>From the start of the demo to its report, seconds.</summary>
    public double WallSeconds { get; init; }

    public bool Ok => Audit.Ok && (MatchesSimulation || Privacy is not null) && FinalModelHashes.Values.All(h => h == FinalisedModelHash);

    public static DemoReport Build(TrainingPlan plan, BigInteger planId, IReadOnlyList<PlanResult> results, AuditResult audit,
        IReadOnlyList<ChainTransaction> transactions, string simulatedHash, string finalisedHash, DemoPrivacy? privacy = null)
    {
        var perRound = Enumerable.Range(1, plan.Rounds).Select(r => new RoundMetrics(r,
            results.Where(x => x.Rounds.Count > r && x.Rounds[r].Metrics is not null).ToDictionary(x => x.Site, x => x.Rounds[r].Metrics!))).ToList();
        var overhead = Overheads(plan.Rounds, results);
        var sorted = overhead.Select(o => o.OverheadMs).Order().ToList();
        return new DemoReport(
            planId.ToString(), plan.Hash, plan.Rounds,
            results.ToDictionary(r => r.Member, r => r.FinalModelHash),
            finalisedHash, simulatedHash, simulatedHash == finalisedHash,
            new DemoAudit(audit.Ok, [.. audit.Findings.Select(f => f.ToString())], audit.PlansChecked, audit.RoundsChecked, audit.BlobsChecked),
            new DemoMetrics(perRound, perRound[^1].Sites),
            transactions.Sum(t => t.GasUsed),
            transactions.GroupBy(t => $"{t.Contract}.{t.Function}").OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => new GasLine(g.Count(), g.Sum(t => t.GasUsed))),
            overhead,
            sorted.Count == 0 ? double.NaN : sorted[^1],
            sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2],
            transactions,
            privacy) { Metric = HeadlineName(plan.Schema.Task.Kind) };
    }

    /// <summary>What <see cref="MetricSet.Headline"/> is for a task.</summary>
    public static string HeadlineName(Learning.Data.Schema.TaskKind task) => task switch
    {
        Learning.Data.Schema.TaskKind.Survival => "C-index",
        Learning.Data.Schema.TaskKind.Count => "log score",
        _ => "accuracy",
    };

    /// <summary>
    /// Per round: wall time from the first node starting the round to the last node holding its
    /// aggregate, minus the slowest node's local training: what the protocol (chain, network,
    /// aggregation) added.
    /// </summary>
    private static List<RoundOverhead> Overheads(int rounds, IReadOnlyList<PlanResult> results)
    {
        var list = new List<RoundOverhead>();
        for (var r = 1; r <= rounds; r++)
        {
            var timings = results.Select(x => x.Rounds.Count > r ? x.Rounds[r].Timing : null).ToList();
            if (timings.Any(t => t is null)) continue;
            var wall = timings.Max(t => t!.AggregatedAt) - timings.Min(t => t!.StartedAt);
            var training = timings.Max(t => t!.TrainingMilliseconds);
            list.Add(new RoundOverhead(r, wall, training, wall - training));
        }

        return list;
    }

    public async Task WriteAsync(string folder, CancellationToken ct)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "report.json"), JsonSerializer.Serialize(this, Json), ct);
        DemoPlots.Save(this, folder);
        SaveScoresPlot(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.html"), Html(), ct);
    }
}

public sealed record DemoAudit(bool Ok, IReadOnlyList<string> Findings, int PlansChecked, int RoundsChecked, int BlobsChecked);

public sealed record DemoMetrics(IReadOnlyList<RoundMetrics> PerRound, IReadOnlyDictionary<string, MetricSet> Final);

public sealed record RoundMetrics(int Round, IReadOnlyDictionary<string, MetricSet> Sites)
{
    /// <summary>The mean over sites of the task's headline metric (<see cref="MetricSet.Headline"/>: accuracy, C-index or log score).</summary>
    public double MeanHeadline => Sites.Count == 0 ? double.NaN : Sites.Values.Average(m => m.Headline);
}

public sealed record GasLine(int Count, long Gas);

public sealed record RoundOverhead(int Round, double WallMs, double MaxTrainingMs, double OverheadMs);
