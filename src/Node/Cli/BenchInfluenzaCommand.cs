using System.CommandLine;
using System.Globalization;
using FedChain.Learning.Benchmarks;
using FedChain.Learning.Forecasting;
using FedChain.Learning.Json;
using FedChain.Node.Datasets;
using FedChain.Node.Reports;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>
/// `fedchain bench influenza`: one-step-ahead forecasts of weekly influenza in 140 districts with the
/// 11 regions as institutions, every federated family beside the naive forecast and hhh4.
/// Writes forecasts.csv (the chosen method's first seed), results.json and forecast-REGION.png.
/// </summary>
internal static class BenchInfluenzaCommand
{
    public static Command Build()
    {
        var seeds = new Option<int>("--seeds") { Description = "How many seeds (42-46) to run, 1 to 5", DefaultValueFactory = _ => 5 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for forecasts.csv, results.json and the plots", Required = true };
        var methods = new Option<string[]>("--methods") { Description = "Run only these methods (default: all)", AllowMultipleArgumentsPerToken = true };
        var data = new Option<string?>("--data") { Description = "The dataset folder (counts.csv, districts.csv, adjacency.csv); default: data/influenza-bybw above the working directory" };
        var command = new Command("influenza", "Forecast weekly influenza one week ahead (fit on weeks 1-312, forecast 313-416) with federated GRU, LSTM, temporal CNN, MLP, log-linear and boosted trees, beside hhh4 and the naive forecast.");
        command.Options.Add(seeds);
        command.Options.Add(output);
        command.Options.Add(methods);
        command.Options.Add(data);
        command.SetAction(parse => InputErrors.Guard(() => Run(parse.GetValue(seeds), parse.GetValue(output)!, parse.GetValue(methods), parse.GetValue(data))));
        return command;
    }

    private static int Run(int seedCount, DirectoryInfo output, string[]? methods, string? dataPath)
    {
        var time = TimeProvider.System;
        var start = time.GetTimestamp();
        var counts = WeeklyCounts.Load(DatasetFolder.Locate("influenza-bybw", dataPath));
        var protocol = ForecastProtocol.Influenza().Only(methods);
        ForecastResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("influenza: starting");
                var progress = new SynchronousProgress<BenchmarkProgress>(p =>
                {
                    task.MaxValue = p.Total;
                    task.Value = p.Done;
                    task.Description = Markup.Escape($"influenza: {p.Method} (seed {p.Seed})");
                }, ctx.Refresh);
                result = ForecastBenchmark.Run(protocol, counts, seedCount, time, progress);
            });

        output.Create();
        File.WriteAllText(Path.Combine(output.FullName, "forecasts.csv"), result!.Forecasts.ToCsv(counts));
        File.WriteAllText(Path.Combine(output.FullName, "results.json"), CanonicalJson.ToIndentedString(result));
        var plots = ForecastPlot.SaveAll(result, counts, result.Chosen, output.FullName);
        Print(result, time.GetElapsedTime(start), output.FullName, plots.Count);
        return 0;
    }

    private static void Print(ForecastResult result, TimeSpan elapsed, string folder, int plots)
    {
        var inv = CultureInfo.InvariantCulture;
        string F(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("F3", inv) : "";
        string Sd(double mean, double? sd) => sd is { } s ? $"{F(mean)} +- {F(s)}" : F(mean);
        var table = new Table().AddColumns("method", "MAE", "RMSE", "logS", "validation logS");
        foreach (var (name, m) in result.Methods)
        {
            table.AddRow(name == result.Chosen ? $"{name} (chosen)" : name, Sd(m.Mae, m.MaeSd), Sd(m.Rmse, m.RmseSd), m.LogScore is { } l ? Sd(l, m.LogScoreSd) : "", F(m.ValidationLogScore));
        }

        table.AddRow("naive (ours)", F(result.Naive.Mae), F(result.Naive.Rmse), "", "");
        foreach (var (name, a) in result.Anchors) table.AddRow($"[grey]{Markup.Escape(name)} (anchor)[/]", F(a.Mae), F(a.Rmse), F(a.LogScore), "");
        AnsiConsole.Write(table);

        var chosen = result.Methods[result.Chosen];
        var regions = new Table().AddColumns("region", "MAE", "RMSE", "logS");
        foreach (var (region, s) in chosen.PerRegion) regions.AddRow(region, F(s.Mae), F(s.Rmse), F(s.LogScore));
        regions.AddRow("overall", F(chosen.Mae), F(chosen.Rmse), F(chosen.LogScore));
        AnsiConsole.Write(regions.Title(Markup.Escape($"{result.Chosen}, per region (mean over seeds)")));

        var hhh4 = result.Anchors["hhh4"];
        var beats = chosen.Mae < hhh4.Mae && chosen.LogScore < hhh4.LogScore;
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv,
            $"goal (chosen federated method beats hhh4 on MAE and logS): {(beats ? "met" : "not met")}: MAE {chosen.Mae:F3} vs {hhh4.Mae:F3}, logS {chosen.LogScore:F3} vs {hhh4.LogScore:F3}")));
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv, $"{elapsed.TotalSeconds:F1} s; wrote forecasts.csv, results.json and {plots} plots to {folder}")));
    }
}
