using System.CommandLine;
using System.Globalization;
using FedChain.Learning.Benchmarks;
using FedChain.Node.Reports;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>`fedchain bench robust`: robust rules against a hostile fifth member on heart disease (<see cref="RobustnessBenchmark"/>).</summary>
internal static class BenchRobustCommand
{
    public static Command Build() => HeartBenchOptions.Build("robust",
        "Heart disease with a fifth member holding half of Cleveland's train rows, honest or sending x10-scaled, sign-flipped or same-norm noise updates: FedAvg and each robust rule, over the seeds.",
        (folder, sites, seeds, rounds, progress) => RobustnessBenchmark.Run(folder.Schema, sites, seeds, rounds, progress),
        (report, output) =>
        {
            HeartBenchOptions.WriteJson(output, report.Result, report);
            RobustnessPlot.Save(report, Path.Combine(output, "robust.png"));
            Print(report, output);
        });

    private static void Print(RobustnessReport report, string folder)
    {
        var inv = CultureInfo.InvariantCulture;
        var result = report.Result;
        var rules = report.HonestByRule.Keys.ToList();
        var table = new Table().AddColumns(["fifth member sends", "fedavg", .. rules]);
        table.AddRow(["honest", result.Honest.ToString("F3", inv), .. rules.Select(r => report.HonestByRule[r].ToString("F3", inv))]);
        foreach (var (attack, figures) in result.Attacks) table.AddRow([attack, figures.FedAvg.ToString("F3", inv), .. rules.Select(r => figures.Robust[r].ToString("F3", inv))]);
        AnsiConsole.Write(table);
        var worst = result.Attacks.Values.Min(a => a.Robust[result.DefaultRule]);
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv,
            $"mean per-site test accuracy over seeds {string.Join(",", report.Seeds)}; default rule {result.DefaultRule}: worst {worst:F3} under attack, {(result.Honest - worst) * 100:F2} points below the honest FedAvg run ({result.Honest:F3}); aggregate norm bound {report.AggregateNormBound:G4}; wrote {folder}")));
    }
}
