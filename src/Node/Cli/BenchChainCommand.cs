using System.CommandLine;
using FedChain.Contracts.Benchmarks;
using ScottPlot;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>`fedchain bench chain --out DIR`: the consortium's gas on anvil (gas.json, gas.md, gas.png).</summary>
internal static class BenchChainCommand
{
    public static Command Build()
    {
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Folder for gas.json, gas.md and gas.png.", Required = true };
        var members = new Option<int>("--members") { Description = "Members in the consortium (3..64).", DefaultValueFactory = _ => 4 };
        var rounds = new Option<int>("--rounds") { Description = "Training rounds (at least 8).", DefaultValueFactory = _ => 10 };
        var recordEvery = new Option<int>("--record-every") { Description = "Rounds of scores recorded per transaction (1..4).", DefaultValueFactory = _ => 4 };
        var command = new Command("chain", "Measure contract gas on anvil: deployment, governance, steady rounds (one commit per member), each check's cost, and gas against member count (4, 16, 64).")
        {
            outDir, members, rounds, recordEvery,
        };
        command.SetAction(async (parse, ct) =>
        {
            var dir = parse.GetValue(outDir)!;
            var report = await AnsiConsole.Status().StartAsync("measuring gas on anvil", async status =>
                await ChainGasBenchmark.RunAsync(parse.GetValue(members), parse.GetValue(rounds), parse.GetValue(recordEvery),
                    new Progress<string>(line => status.Status(line)), ct));

            dir.Create();
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "gas.json"), report.ToJson() + "\n", ct);
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "gas.md"), report.ToMarkdown(), ct);
            Plot(report, Path.Combine(dir.FullName, "gas.png"));

            AnsiConsole.WriteLine(report.ToMarkdown());
            AnsiConsole.MarkupLineInterpolated($"per member per round {report.PerMemberPerRound:N0} gas (target {report.TargetPerMember:N0}), fixed {report.PerRoundFixed:N0} gas (target {report.TargetFixed:N0}): {(report.MeetsTarget ? "within target" : "OVER target")}");
            AnsiConsole.MarkupLineInterpolated($"wrote {dir.FullName}/gas.json, gas.md, gas.png");
            return report.MeetsTarget ? 0 : 1;
        });
        return command;
    }

    /// <summary>Stacked bars per round: commits, then score recording on top.</summary>
    private static void Plot(GasReport report, string path)
    {
        var plot = Reports.PlotFonts.NewPlot();
        var commits = Colors.SteelBlue;
        var scores = Colors.Orange;
        for (var r = 0; r < report.GasPerRound.Count; r++)
        {
            plot.Add.Bar(new Bar { Position = r, ValueBase = 0, Value = report.CommitGasPerRound[r], FillColor = commits });
            if (report.GasPerRound[r] > report.CommitGasPerRound[r])
                plot.Add.Bar(new Bar { Position = r, ValueBase = report.CommitGasPerRound[r], Value = report.GasPerRound[r], FillColor = scores });
        }

        var target = plot.Add.HorizontalLine(report.TargetFixed + report.Members * report.TargetPerMember);
        target.LinePattern = LinePattern.Dashed;
        target.Color = Colors.Black;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "commits (one per member)", FillColor = commits });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "recordScores (net scores)", FillColor = scores });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"target {report.Members} x {report.TargetPerMember:N0} + {report.TargetFixed:N0}", LineColor = Colors.Black, LinePattern = LinePattern.Dashed, LineWidth = 1 });
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.Title($"Gas per round, {report.Members} members");
        plot.XLabel("round");
        plot.YLabel("gas");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        plot.Axes.Margins(bottom: 0);
        plot.SavePng(path, 900, 500);
    }
}
