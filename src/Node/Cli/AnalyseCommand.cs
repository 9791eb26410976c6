using System.CommandLine;
using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;
using FedChain.Learning.Json;
using FedChain.Node.Datasets;
using FedChain.Node.Reports;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>
/// `fedchain analyse`: an analysis plan run over every site of a dataset folder in one process,
/// through the same session, 64-bit ring and sums the nodes use. Writes OUT/plan.json (with the
/// schema filled in), OUT/analysis.json, OUT/report.html with its PNG plots beside it, and
/// OUT/validation.json.
/// </summary>
internal static class AnalyseCommand
{
    public const int Failed = 1;

    public static Command Build()
    {
        var plan = new Option<FileInfo>("--plan") { Description = "The analysis plan (JSON); its schema may be left out and is taken from the dataset", Required = true };
        var dataset = new Option<string>("--dataset") { Description = "A dataset folder name under data/ (heart-disease, breast-cancer-rotterdam-gbsg, ...) or a folder holding schema.json and sites.json", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for plan.json, analysis.json, report.html, its plots and validation.json", Required = true };
        var command = new Command("analyse", "Run a federated analysis plan (tables, histograms, Kaplan-Meier, log-rank, GLM, Cox, with disclosure control) over every site of a dataset in one process.")
        {
            plan, dataset, output,
        };
        command.SetAction(parse => InputErrors.Guard(() => Run(parse.GetValue(plan)!, parse.GetValue(dataset)!, parse.GetValue(output)!)));
        return command;
    }

    private static int Run(FileInfo planFile, string dataset, DirectoryInfo output)
    {
        var folder = Directory.Exists(dataset) ? DatasetFolder.Find(Path.GetFileName(Path.GetFullPath(dataset)), dataset) : DatasetFolder.Find(dataset, null);
        var plan = AnalysisPlan.Load(planFile.FullName).WithSchema(folder.Schema);
        var sites = SiteLoading.IngestAccepted(folder, out var reports);
        if (sites is null) return Failed;

        AnalysisOutcome? outcome = null;
        try
        {
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask($"plan {plan.Hash[..12]}: round 0", maxValue: plan.Analyses.Count);
                    var progress = new SynchronousProgress<(int Round, int Finished)>(p =>
                    {
                        task.Value = p.Finished;
                        task.Description = $"plan {plan.Hash[..12]}: round {p.Round}, {p.Finished} of {plan.Analyses.Count} analyses done";
                    }, ctx.Refresh);
                    outcome = AnalysisRun.Run(plan, [.. sites.Select(s => s.Table)], AnalysisRun.SimulatedNoise(plan), progress);
                });
        }
        catch (RingOverflowException e)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return Failed;
        }

        output.Create();
        File.WriteAllBytes(Path.Combine(output.FullName, "plan.json"), plan.CanonicalBytes());
        File.WriteAllText(Path.Combine(output.FullName, "analysis.json"), AnalysisJson.Serialize(outcome!));
        File.WriteAllText(Path.Combine(output.FullName, "validation.json"), CanonicalJson.ToIndentedString(reports));
        var images = AnalysisReport.Write(plan, outcome!, output.FullName);
        Print(outcome!);
        AnsiConsole.MarkupLine(Markup.Escape($"wrote plan.json, analysis.json, validation.json, report.html and {images.Count} plot(s) to {output.FullName}"));
        return 0;
    }

    private static void Print(AnalysisOutcome outcome)
    {
        var table = new Table().AddColumns("analysis", "kind", "steps", "released");
        foreach (var r in outcome.Results)
        {
            var kind = r switch
            {
                TableResult => "table",
                KaplanMeierResult => "km",
                LogRankResult => "logrank",
                GlmResult => "glm",
                _ => "cox",
            };
            table.AddRow(Markup.Escape(r.Name), kind, r.Steps.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Refused is { } refusal ? $"[red]refused ({Markup.Escape(refusal.Rule)})[/]" : "[green]yes[/]");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape($"{outcome.Rounds} rounds (at most {outcome.MaxRounds}) over {string.Join(", ", outcome.Sites)}"));
    }
}
