using System.CommandLine;
using System.Globalization;
using FedChain.Learning.Benchmarks;
using FedChain.Learning.Json;
using FedChain.Learning.Survival;
using FedChain.Node.Datasets;
using FedChain.Node.Reports;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>
/// `fedchain bench treatment`: recurrence-free survival on the Rotterdam and GBSG cohorts as two
/// institutions, federated linear Cox and DeepSurv, DeepSurv's own protocol, and the hormonal-therapy
/// recommendation. Writes risks.csv, results.json and km.png.
/// </summary>
internal static class BenchTreatmentCommand
{
    public static Command Build()
    {
        var seeds = new Option<int>("--seeds") { Description = "How many seeds (42-46) to run, 1 to 5", DefaultValueFactory = _ => 5 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for risks.csv, results.json and km.png", Required = true };
        var data = new Option<string?>("--data") { Description = "The dataset folder (rotterdam.csv, gbsg.csv); default: data/breast-cancer-rotterdam-gbsg above the working directory" };
        var command = new Command("treatment", "Recurrence-free survival and hormonal-therapy recommendation on Rotterdam and GBSG: federated Cox and DeepSurv beside DeepSurv's published figures.");
        command.Options.Add(seeds);
        command.Options.Add(output);
        command.Options.Add(data);
        command.SetAction(parse => InputErrors.Guard(() => Run(parse.GetValue(seeds), parse.GetValue(output)!, parse.GetValue(data))));
        return command;
    }

    private static int Run(int seedCount, DirectoryInfo output, string? dataPath)
    {
        var time = TimeProvider.System;
        var start = time.GetTimestamp();
        var cohorts = BreastCancerSites.Load(DatasetFolder.Locate("breast-cancer-rotterdam-gbsg", dataPath));
        TreatmentResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("treatment: starting");
                var progress = new SynchronousProgress<BenchmarkProgress>(p =>
                {
                    task.MaxValue = Math.Max(p.Total, p.Done);
                    task.Value = p.Done;
                    task.Description = Markup.Escape($"treatment: {p.Method} (seed {p.Seed})");
                }, ctx.Refresh);
                result = TreatmentBenchmark.Run(TreatmentProtocol.RotterdamGbsg(), cohorts, seedCount, time, progress);
            });

        output.Create();
        File.WriteAllText(Path.Combine(output.FullName, "risks.csv"), result!.Risks.ToCsv());
        File.WriteAllText(Path.Combine(output.FullName, "results.json"), CanonicalJson.ToIndentedString(result));
        SurvivalCurvesPlot.Save(result.Recommendation, $"{result.RecommendationModel}, all test rows", Path.Combine(output.FullName, "km.png"));
        foreach (var (site, recommendation) in result.RecommendationBySite)
            SurvivalCurvesPlot.Save(recommendation, $"{result.RecommendationModel}, {site} test rows", Path.Combine(output.FullName, $"km-{site}.png"));
        Print(result, time.GetElapsedTime(start), output.FullName);
        return 0;
    }

    private static void Print(TreatmentResult result, TimeSpan elapsed, string folder)
    {
        var inv = CultureInfo.InvariantCulture;
        string F(double v) => v.ToString("F3", inv);
        var table = new Table().AddColumns("method", "Rotterdam test", "GBSG test", "Rotterdam-only model on GBSG", "GBSG-only model on Rotterdam", "DeepSurv protocol (GBSG)", "published");
        foreach (var (name, m) in result.Methods)
        {
            var published = name.Contains("deepsurv", StringComparison.Ordinal) ? result.Published["deepsurv"] : result.Published["cph"];
            table.AddRow(name, $"{F(m.RotterdamTest)} +- {F(m.RotterdamTestSd)}", $"{F(m.GbsgTest)} +- {F(m.GbsgTestSd)}", F(m.RotterdamOnGbsg), F(m.GbsgOnRotterdam), F(m.DeepSurvProtocol), F(published));
        }

        AnsiConsole.Write(table.Title("C-index (mean over seeds)"));
        string Median(double? days) => days is { } d ? d.ToString("F0", inv) : "not reached";
        var rec = new Table().AddColumns("test rows (first seed)", "as recommended: n, median RFS (days)", "not as recommended: n, median RFS (days)", "HR (95% CI)", "log-rank p");
        foreach (var (rows, r) in result.RecommendationBySite.Prepend(new("all", result.Recommendation)))
        {
            rec.AddRow(rows, $"{r.AsRecommended}, {Median(r.MedianAsRecommended)}", $"{r.NotAsRecommended}, {Median(r.MedianNotAsRecommended)}",
                string.Create(inv, $"{r.HazardRatio:F3} ({r.HazardRatioCi[0]:F3}-{r.HazardRatioCi[1]:F3})"), r.P.ToString("G3", inv));
        }

        AnsiConsole.Write(rec.Title(Markup.Escape($"hormonal-therapy recommendation ({result.RecommendationModel}): treated as recommended vs not")));
        AnsiConsole.MarkupLine(Markup.Escape("published (Katzman et al. 2018, train Rotterdam node-positive, test GBSG): CPH 0.658, DeepSurv 0.676, RSF 0.647"));
        var best = result.Methods.Values.Max(m => m.GbsgTest);
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv,
            $"goal (a federated C-index on GBSG test rows >= 0.676): {(best >= 0.676 ? "met" : "not met")}: best {best:F3}; {elapsed.TotalSeconds:F1} s; wrote risks.csv, results.json, km*.png to {folder}")));
    }
}
