using System.CommandLine;
using System.Text.Json;
using FedChain.Node.Bench;
using FedChain.Node.Wire.V1;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>`fedchain bench aggregate`: sharded aggregation among real nodes on loopback; writes aggregate.json.</summary>
internal static class BenchAggregateCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Build()
    {
        var nodes = new Option<int>("--nodes") { Description = "Nodes on loopback, each contributing one update.", DefaultValueFactory = _ => 10 };
        var blobMb = new Option<double>("--blob-mb") { Description = "Update size in MiB (u32 elements).", DefaultValueFactory = _ => 4 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for aggregate.json.", Required = true };
        var runs = new Option<int>("--runs") { Description = "Aggregations measured; the figures are their medians.", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Seed for the updates and the nodes' random choices.", DefaultValueFactory = _ => 1 };
        var work = new Option<DirectoryInfo?>("--work") { Description = "Where the nodes' blob stores go (default: the system temp folder)." };
        var command = new Command("aggregate", "Sharded aggregation (reduce-scatter, all-gather, sum checks) among real nodes on loopback; writes aggregate.json.")
        {
            nodes, blobMb, output, runs, seed, work,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(nodes), parse.GetValue(blobMb), parse.GetValue(output)!, parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(work), ct));
        return command;
    }

    private static async Task<int> RunAsync(int nodes, double blobMb, DirectoryInfo output, int runs, int seed, DirectoryInfo? workRoot, CancellationToken ct)
    {
        if (nodes is < 2 or > 128) return Fail($"--nodes must be 2 to 128, got {nodes}");
        if (blobMb is <= 0 or > 256) return Fail($"--blob-mb must be above 0 and at most 256, got {blobMb}");
        if (runs is < 1 or > 15) return Fail($"--runs must be 1 to 15, got {runs}");
        var updateBytes = (long)(blobMb * 1024 * 1024) / 4 * 4;
        if (updateBytes / 4 < nodes) return Fail($"--blob-mb {blobMb} is too small to cut into {nodes} shards");
        output.Create();
        var work = workRoot is null
            ? Directory.CreateTempSubdirectory("fedchain-bench-aggregate-")
            : workRoot.CreateSubdirectory($"fedchain-bench-aggregate-{Guid.NewGuid():N}");
        AggregateBenchResult result;
        try
        {
            result = await AnsiConsole.Status().StartAsync("bench aggregate", async context =>
                await new AggregateBench(nodes, updateBytes, runs, seed, work.FullName).RunAsync(new Progress<string>(s => context.Status($"bench aggregate: {s}")), ct));
        }
        finally
        {
            work.Delete(recursive: true);
        }

        var path = Path.Combine(output.FullName, "aggregate.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, Json), ct);
        Print(result, path);
        return result.Runs.All(r => r.IdenticalOnEveryNode) ? 0 : 1;
    }

    private static void Print(AggregateBenchResult result, string path)
    {
        var table = new Table().AddColumns("run", "seconds", "CPU s", "max received / update", "mean received / update", "plain TCP s", "same bits everywhere");
        for (var i = 0; i < result.Runs.Count; i++)
        {
            var r = result.Runs[i];
            table.AddRow($"{i + 1}", $"{r.Seconds:F2}", $"{r.CpuSeconds:F2}", $"{r.MaxReceivedPerUpdate:F3}", $"{r.MeanReceivedPerUpdate:F3}", $"{r.PlainTcpSeconds:F2}", r.IdenticalOnEveryNode ? "yes" : "[red]no[/]");
        }

        AnsiConsole.Write(table);
        for (var i = 0; i < result.Runs.Count; i++)
        {
            var r = result.Runs[i];
            AnsiConsole.MarkupLine($"run {i + 1}: control frames received per node / update {r.ControlReceivedPerUpdate:F3}: {string.Join(", ", r.ReceivedByCode.Where(kv => kv.Key != nameof(MessageCode.Chunk) && kv.Value >= 0.0005).Select(kv => $"{kv.Key} {kv.Value:F3}"))}");
        }

        AnsiConsole.MarkupLine($"{result.Nodes} nodes, {result.UpdateBytes}-byte updates, medians: [bold]{result.Seconds:F2} s[/] (plain TCP, same bytes: {result.PlainTcpSeconds:F2} s), received per update max [bold]{result.MaxReceivedPerUpdate:F3}[/], mean {result.MeanReceivedPerUpdate:F3}; sum checks of one node {result.CheckSeconds:F3} s");
        AnsiConsole.MarkupLine($"wrote {Markup.Escape(path)}");
    }

    private static int Fail(string message)
    {
        AnsiConsole.MarkupLine($"[red]{Markup.Escape(message)}[/]");
        return 2;
    }
}
