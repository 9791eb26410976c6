using System.CommandLine;
using System.Globalization;
using FedChain.Learning.Benchmarks;
using FedChain.Learning.Json;
using FedChain.Node.Datasets;
using FedChain.Node.Reports;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>`fedchain bench flamby`: FLamby's protocol for pooled, every local and every strategy, beside FLamby's numbers.</summary>
internal static class BenchFlambyCommand
{
    public static Command Build()
    {
        var dataset = new Option<string>("--dataset") { Description = "heart-disease or tcga-brca", Required = true };
        dataset.AcceptOnlyFromAmong([.. FlambyProtocol.Datasets]);
        var seeds = new Option<int>("--seeds") { Description = "How many of FLamby's seeds (42-46) to run, 1 to 5", DefaultValueFactory = _ => 5 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for results.json, results.md and headline.png", Required = true };
        var data = new Option<string?>("--data") { Description = "The dataset folder (schema.json, sites.json); default: data/<dataset> above the working directory" };

        var command = new Command("flamby", "Run FLamby's benchmark protocol (pooled, local_K, FedAvg, FedProx, SCAFFOLD, FedAdam, FedYogi, FedAdagrad and tuned methods) over the seeds.");
        command.Options.Add(dataset);
        command.Options.Add(seeds);
        command.Options.Add(output);
        command.Options.Add(data);
        command.SetAction(parse => InputErrors.Guard(() => Run(parse.GetValue(dataset)!, parse.GetValue(seeds), parse.GetValue(output)!, parse.GetValue(data))));
        return command;
    }

    private static int Run(string datasetName, int seedCount, DirectoryInfo output, string? dataPath)
    {
        var time = TimeProvider.System;
        var start = time.GetTimestamp();
        var folder = DatasetFolder.Find(datasetName, dataPath);
        var protocol = FlambyProtocol.For(datasetName);
        var sites = SiteLoading.IngestAndReport(folder);
        if (sites is null) return 1;

        BenchmarkResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"{datasetName}: starting");
                var progress = new SynchronousProgress<BenchmarkProgress>(p =>
                {
                    task.MaxValue = p.Total;
                    task.Value = p.Done;
                    task.Description = Markup.Escape($"{datasetName}: {p.Method} (seed {p.Seed})");
                }, ctx.Refresh);
                result = FlambyBenchmark.Run(protocol, folder.Schema, sites, seedCount, time, progress);
            });

        var elapsed = time.GetElapsedTime(start);
        output.Create();
        File.WriteAllText(Path.Combine(output.FullName, "results.json"), CanonicalJson.ToIndentedString(result!));
        File.WriteAllText(Path.Combine(output.FullName, "results.md"), BenchmarkMarkdown.Render(result!, elapsed));
        HeadlinePlot.Save(result!, Path.Combine(output.FullName, "headline.png"));
        PrintTable(result!, elapsed, output.FullName);
        return 0;
    }

    private static void PrintTable(BenchmarkResult result, TimeSpan elapsed, string folder)
    {
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().AddColumns("method", $"{result.Metric} (ours)", "FLamby");
        foreach (var (name, method) in result.Methods)
        {
            var published = result.Published.TryGetValue(name, out var p) ? p.HeadlineMean.ToString("F3", inv) : "";
            table.AddRow(name, $"{method.HeadlineMean.ToString("F3", inv)} +- {method.HeadlineSd.ToString("F3", inv)}", published);
        }

        AnsiConsole.Write(table);
        var best = result.BestFederated;
        var chosen = result.ValidationChoice() is { } c ? string.Create(inv, $"; chosen on validation: {c.Key} {c.Value.HeadlineMean:F3}") : "";
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv,
            $"best federated: {best.Key} {best.Value.HeadlineMean:F3}{chosen}; pooled {result.Methods["pooled"].HeadlineMean:F3}; {elapsed.TotalSeconds:F1} s; wrote {folder}")));
    }
}
