using System.CommandLine;
using FedChain.Learning.Benchmarks;
using FedChain.Learning.Data;
using FedChain.Learning.Json;
using FedChain.Node.Datasets;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>The options the heart-disease scenario benchmarks share (robust, compression, personalisation), and their run under a progress bar.</summary>
internal sealed class HeartBenchOptions
{
    /// <summary>`fedchain bench NAME`: loads the hospitals, runs <paramref name="bench"/> under a progress bar, then <paramref name="write"/> into --out.</summary>
    public static Command Build<T>(string name, string description, Func<DatasetFolder, IReadOnlyList<SiteDataset>, int, int, IProgress<BenchmarkProgress>, T> bench, Action<T, string> write)
    {
        var options = new HeartBenchOptions();
        var command = new Command(name, description);
        foreach (var option in new Option[] { options.Seeds, options.Rounds, options.Output, options.Data }) command.Options.Add(option);
        command.SetAction(parse => InputErrors.Guard(() =>
        {
            if (options.Run(parse, name, bench) is not var (_, result)) return 1;
            write(result, parse.GetValue(options.Output)!.FullName);
            return 0;
        }));
        return command;
    }

    /// <summary>results.json (the contract other tools read) and, when given, detail.json (everything else measured).</summary>
    public static void WriteJson<TResult, TDetail>(string output, TResult results, TDetail? detail = default)
    {
        File.WriteAllText(Path.Combine(output, "results.json"), CanonicalJson.ToIndentedString(results));
        if (detail is not null) File.WriteAllText(Path.Combine(output, "detail.json"), CanonicalJson.ToIndentedString(detail));
    }

    public Option<int> Seeds { get; } = new("--seeds") { Description = "How many of FLamby's seeds (42-46) to average over, 1 to 5", DefaultValueFactory = _ => 5 };

    public Option<int> Rounds { get; } = new("--rounds") { Description = "Federated rounds (FLamby's protocol: 15; fewer only for a quick look)", DefaultValueFactory = _ => 15 };

    public Option<DirectoryInfo> Output { get; } = new("--out") { Description = "Folder for results.json, its plot and the detail", Required = true };

    public Option<string?> Data { get; } = new("--data") { Description = "The heart-disease folder (schema.json, sites.json); default: data/heart-disease above the working directory" };

    /// <summary>Checks the numbers, loads the hospitals (printing each validation report) and runs <paramref name="bench"/> under a progress bar; null when no site loads.</summary>
    private (DatasetFolder Folder, T Result)? Run<T>(ParseResult parse, string title, Func<DatasetFolder, IReadOnlyList<SiteDataset>, int, int, IProgress<BenchmarkProgress>, T> bench)
    {
        var (seeds, rounds) = (parse.GetValue(Seeds), parse.GetValue(Rounds));
        if (seeds is < 1 or > 5) throw new ArgumentException($"--seeds must be 1 to 5 (FLamby's seeds 42-46), got {seeds}");
        if (rounds < 1) throw new ArgumentException($"--rounds must be at least 1, got {rounds}");
        var folder = DatasetFolder.Find("heart-disease", parse.GetValue(Data));
        if (SiteLoading.IngestAndReport(folder) is not { } sites) return null;

        T? result = default;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"{title}: starting");
                var progress = new SynchronousProgress<BenchmarkProgress>(p =>
                {
                    task.MaxValue = p.Total;
                    task.Value = p.Done;
                    task.Description = Markup.Escape($"{title}: {p.Method} (seed {p.Seed})");
                }, ctx.Refresh);
                result = bench(folder, sites, seeds, rounds, progress);
            });
        parse.GetValue(Output)!.Create();
        return (folder, result!);
    }
}
