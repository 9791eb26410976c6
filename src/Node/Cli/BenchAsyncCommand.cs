using System.CommandLine;
using System.Globalization;
using FedChain.Node.Datasets;
using FedChain.Node.Demo;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>`fedchain bench async`: synchronous against asynchronous rounds with one slow hospital, on node processes (<see cref="AsyncBench"/>).</summary>
internal static class BenchAsyncCommand
{
    public static Command Build()
    {
        var seeds = new Option<int>("--seeds") { Description = "Seeds (42, 43, ...) to average over, 1 to 5", DefaultValueFactory = _ => 5 };
        var rounds = new Option<int>("--rounds") { Description = $"Synchronous rounds; asynchronous plans run {AsyncBench.WindowsPerRound} windows per round", DefaultValueFactory = _ => 8 };
        var buffer = new Option<int>("--buffer") { Description = "K: commits per asynchronous aggregation step (of the 4 hospitals)", DefaultValueFactory = _ => 3 };
        var slowdown = new Option<double>("--slowdown") { Description = "How many times as long the last hospital trains", DefaultValueFactory = _ => 10 };
        var data = new Option<string?>("--data") { Description = "The heart-disease folder; default: data/heart-disease above the working directory" };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for results.json, detail.json and async.png", Required = true };
        var command = new Command("async", "Synchronous against asynchronous (FedBuff) rounds on four node processes with one slow hospital: wall-clock seconds to a target accuracy; writes results.json, detail.json, async.png.")
        {
            seeds, rounds, buffer, slowdown, data, output,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(seeds), parse.GetValue(rounds), parse.GetValue(buffer), parse.GetValue(slowdown), parse.GetValue(data), parse.GetValue(output)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(int seeds, int rounds, int buffer, double slowdown, string? dataFolder, DirectoryInfo output, CancellationToken ct)
    {
        if (seeds is < 1 or > 5) return Fail($"--seeds must be 1 to 5, got {seeds}");
        if (rounds is < 1 or > 100) return Fail($"--rounds must be 1 to 100, got {rounds}");
        if (buffer is < 1 or > 4) return Fail($"--buffer must be 1 to 4 (the hospitals), got {buffer}");
        if (!(slowdown >= 1 && slowdown <= 1000)) return Fail($"--slowdown must be 1 to 1000, got {slowdown}");
        var folder = DatasetFolder.Find("heart-disease", dataFolder);
        output.Create();
        var work = Directory.CreateTempSubdirectory("fedchain-bench-async-");
        AsyncBenchDetail detail;
        try
        {
            detail = await AnsiConsole.Status().StartAsync("bench async", async context =>
                await new AsyncBench(folder, seeds, rounds, buffer, slowdown, work.FullName).RunAsync(new Progress<string>(s => context.Status(Markup.Escape($"bench async: {s}"))), ct));
        }
        catch (InvalidOperationException e)
        {
            // A node that failed: its node.log stays in the work folder.
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return 1;
        }

        work.Delete(recursive: true);

        HeartBenchOptions.WriteJson(output.FullName, detail.Result, detail);
        AsyncBenchPlot.Save(detail, Path.Combine(output.FullName, "async.png"));
        Print(detail, output.FullName);
        return 0;
    }

    private static void Print(AsyncBenchDetail detail, string folder)
    {
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().AddColumns("seed", "kind", "rounds", "seconds to target", "total seconds", "final accuracy");
        foreach (var run in detail.Runs)
            table.AddRow(run.Seed.ToString(inv), run.Kind, run.Rounds.ToString(inv), run.SecondsToTarget?.ToString("F1", inv) ?? "not reached", run.Seconds[^1].ToString("F1", inv), run.Accuracy[^1].ToString("F3", inv));
        AnsiConsole.Write(table);
        var r = detail.Result;
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv,
            $"target {r.TargetAccuracy:F3} ({AsyncBench.TargetShare:P0} of synchronous training's lowest final accuracy in simulate); mean seconds to it: sync {r.SyncSeconds?.ToString("F1", inv) ?? "not reached in every seed"}, async {r.AsyncSeconds?.ToString("F1", inv) ?? "not reached in every seed"}; final accuracy, mean over seeds: sync {Final(detail, "sync").ToString("F3", inv)}, async {Final(detail, "async").ToString("F3", inv)}; {detail.SlowSite} trains x{detail.Slowdown}; wrote {folder}")));
    }

    private static double Final(AsyncBenchDetail detail, string kind) => detail.Runs.Where(r => r.Kind == kind).Average(r => r.Accuracy[^1]);

    private static int Fail(string message)
    {
        AnsiConsole.MarkupLine($"[red]{Markup.Escape(message)}[/]");
        return 2;
    }
}
