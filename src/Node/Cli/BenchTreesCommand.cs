using System.CommandLine;
using System.Globalization;
using FedChain.Learning.Benchmarks;
using FedChain.Learning.Forecasting;
using FedChain.Learning.Json;
using FedChain.Learning.Trees.Comparison;
using FedChain.Node.Datasets;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>`fedchain bench trees`: federated boosted trees beside pooled LightGBM on heart disease (FLamby's headline) and on influenza counts (Poisson). Writes results.json.</summary>
internal static class BenchTreesCommand
{
    public static Command Build()
    {
        var seeds = new Option<int>("--seeds") { Description = "How many seeds (42-46) to run, 1 to 5", DefaultValueFactory = _ => 5 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for results.json", Required = true };
        var data = new Option<string?>("--data") { Description = "The heart-disease folder (schema.json, sites.json); default: data/heart-disease above the working directory" };
        var noInfluenza = new Option<bool>("--no-influenza") { Description = "Skip the Poisson comparison on influenza counts" };
        var command = new Command("trees", "Federated boosted trees (histograms summed in fixed point) beside LightGBM on the pooled rows: heart disease accuracy and AUC, influenza counts (Poisson).");
        command.Options.Add(seeds);
        command.Options.Add(output);
        command.Options.Add(data);
        command.Options.Add(noInfluenza);
        command.SetAction(parse => InputErrors.Guard(() => Run(parse.GetValue(seeds), parse.GetValue(output)!, parse.GetValue(data), !parse.GetValue(noInfluenza))));
        return command;
    }

    private static int Run(int seedCount, DirectoryInfo output, string? dataPath, bool influenza)
    {
        var time = TimeProvider.System;
        var start = time.GetTimestamp();
        var folder = DatasetFolder.Find("heart-disease", dataPath);
        var sites = SiteLoading.IngestAndReport(folder);
        if (sites is null) return 1;
        var counts = influenza ? WeeklyCounts.Load(DatasetFolder.Locate("influenza-bybw", null)) : null;
        TreesResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("trees: starting");
                var progress = new SynchronousProgress<BenchmarkProgress>(p =>
                {
                    task.MaxValue = p.Total;
                    task.Value = p.Done;
                    task.Description = Markup.Escape($"trees: {p.Method} (seed {p.Seed})");
                }, ctx.Refresh);
                result = TreesBenchmark.Run(folder.Schema, sites, counts, seedCount, time, progress);
            });

        output.Create();
        File.WriteAllText(Path.Combine(output.FullName, "results.json"), CanonicalJson.ToIndentedString(result!));
        Print(result!, time.GetElapsedTime(start), output.FullName);
        return 0;
    }

    private static void Print(TreesResult result, TimeSpan elapsed, string folder)
    {
        var inv = CultureInfo.InvariantCulture;
        string F(double? v) => v is { } x ? x.ToString("F3", inv) : "";
        string[] columns = ["heart disease", "accuracy (per-center mean)", "AUC (per-center mean)", .. result.Centers.Select(c => $"{c} acc")];
        var table = new Table().AddColumns(columns);
        foreach (var (name, m) in result.Methods)
        {
            table.AddRow([name, $"{F(m.HeadlineMean)} +- {F(m.HeadlineSd)}", F(m.AucMean), .. m.PerCenter.Select(a => F(a))]);
        }

        AnsiConsole.Write(table);
        if (result.Influenza is { } flu)
        {
            var counts = new Table().AddColumns("influenza (Poisson)", "MAE", "RMSE", "logS");
            foreach (var (name, m) in flu) counts.AddRow(name, F(m.Mae), F(m.Rmse), F(m.LogScore));
            AnsiConsole.Write(counts);
        }

        var gap = result.Methods["federated_trees"].HeadlineMean - result.Methods["lightgbm_pooled"].HeadlineMean;
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv,
            $"goal (federated trees' headline within 0.01 of pooled LightGBM's): {(gap >= -0.01 ? "met" : "not met")}: {gap:+0.000;-0.000}; {elapsed.TotalSeconds:F1} s; wrote {folder}")));
    }
}
