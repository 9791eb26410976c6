using System.Globalization;
using FedChain.Learning.Contribution;
using FedChain.Learning.Json;
using FedChain.Learning.Plans;
using FedChain.Learning.Simulation;
using FedChain.Node.Reports;
using Spectre.Console;

namespace FedChain.Node.Cli;

internal static partial class SimulateCommand
{
    /// <summary>
    /// The plan with a contribution section when the user asked for scoring (--contribution or any
    /// misbehaving site) and the plan has none; a plan's own section is kept.
    /// </summary>
    private static TrainingPlan WithContribution(TrainingPlan plan, SimulateArguments args, int members)
    {
        if (plan.Contribution is not null || (args.Contribution is null && args.Misbehaving.Total == 0)) return plan;
        var method = args.Contribution ?? (members <= ContributionSettings.MaxExactMembers ? ContributionMethod.ExactShapley : ContributionMethod.SampledShapley);
        return (plan with { Contribution = new ContributionSettings(method, ContributionSettings.DefaultMetric(plan.Schema.Task.Kind)) }).Validate();
    }

    private static void WriteContributions(DirectoryInfo output, TrainingPlan plan, IReadOnlyList<SimulatedSite> sites, ContributionRecorder recorder, LocalTrainingClock clock)
    {
        var cost = ScoringCost.Of(recorder.Rounds, sites, clock);
        var report = ContributionsReport.Of(plan, sites, recorder.Rounds, cost);
        File.WriteAllText(Path.Combine(output.FullName, "contributions.json"), CanonicalJson.ToIndentedString(report));
        ContributionsPlot.Save(report, Path.Combine(output.FullName, "contributions.png"));

        var inv = CultureInfo.InvariantCulture;
        var pool = report.RewardPerRound * plan.Rounds;
        var table = new Table().AddColumns("member", "behaviour", "total score", "net (chain units)", $"rewards (pool {pool.ToString("N0", inv)})");
        foreach (var t in report.Totals) table.AddRow(t.Member, t.Behaviour.ToString(), t.Utility.ToString("F5", inv), t.ChainScore.ToString("N0", inv), t.Rewards.ToString("N0", inv));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv,
            $"scoring cost per node per round ({cost.Members} members, {cost.Subsets} subset models, {report.Method}): {cost.ScoringMs:F1} ms " +
            $"(build {cost.BuildMs:F1}, evaluate {cost.EvaluateMs:F1}, score {cost.ScoreMs:F1}) vs local training {cost.TrainMs:F1} ms: ratio {cost.Ratio:F2}")));
        AnsiConsole.MarkupLine(Markup.Escape($"wrote contributions.json and contributions.png to {output.FullName}"));
    }
}
