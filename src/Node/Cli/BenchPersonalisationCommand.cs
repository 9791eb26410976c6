using System.CommandLine;
using System.Globalization;
using FedChain.Learning.Benchmarks;
using FedChain.Node.Reports;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>`fedchain bench personalisation`: each hospital's personal model beside the global one (<see cref="PersonalisationBenchmark"/>).</summary>
internal static class BenchPersonalisationCommand
{
    public static Command Build() => HeartBenchOptions.Build("personalisation",
        "Heart disease under FLamby's protocol: fine-tuning, Ditto and FedPer tuned on validation rows, then each hospital's personal model beside the global model on its test rows, over the seeds.",
        (folder, sites, seeds, rounds, progress) => PersonalisationBenchmark.Run(folder.Schema, sites, seeds, rounds, progress),
        (report, output) =>
        {
            HeartBenchOptions.WriteJson(output, report.Result, report);
            PersonalisationPlot.Save(report, Path.Combine(output, "personalisation.png"));
            Print(report, output);
        });

    private static void Print(PersonalisationReport report, string folder)
    {
        var inv = CultureInfo.InvariantCulture;
        var sites = report.Result.PerSite.Keys.ToList();
        var table = new Table().AddColumns(["model", .. sites, "mean"]);
        table.AddRow(["global", .. sites.Select(s => report.Result.PerSite[s].Global.ToString("F3", inv)), report.Result.MeanGlobal.ToString("F3", inv)]);
        foreach (var (method, perSite) in report.Methods)
            table.AddRow([method + (method == report.Chosen ? " (chosen)" : ""), .. sites.Select(s => perSite[s].ToString("F3", inv)), perSite.Values.Average().ToString("F3", inv)]);
        table.AddRow(["personal (deployed)", .. sites.Select(s => report.Result.PerSite[s].Personal.ToString("F3", inv)), report.Result.MeanPersonal.ToString("F3", inv)]);
        AnsiConsole.Write(table);
        var below = sites.Where(s => report.Result.PerSite[s].Personal < report.Result.PerSite[s].Global).ToList();
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv,
            $"test accuracy per site, mean over seeds {string.Join(",", report.Seeds)}; chosen on validation: {report.Chosen}, deployed at {(report.DeployedAt.Count == 0 ? "no site" : string.Join(", ", report.DeployedAt))} (the others keep the global model); mean personal {report.Result.MeanPersonal:F3} vs global {report.Result.MeanGlobal:F3}; personal below global at: {(below.Count == 0 ? "none" : string.Join(", ", below))}; wrote {folder}")));
    }
}
