using System.CommandLine;
using System.Text.Json;
using FedChain.Node.Demo;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>`fedchain bench scale`: N node processes on anvil through a sharded plan; writes scale.json.</summary>
internal static class BenchScaleCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Build()
    {
        var nodes = new Option<int>("--nodes") { Description = "Institutions, each a `fedchain node` process with its share of the rows.", DefaultValueFactory = _ => 10 };
        var rounds = new Option<int>("--rounds") { Description = "Training rounds of the sharded plan.", DefaultValueFactory = _ => 3 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for scale.json.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the split and the plan.", DefaultValueFactory = _ => 1 };
        var work = new Option<DirectoryInfo?>("--work") { Description = "Where the consortium's folders go (default: the system temp folder); removed afterwards." };
        var maxPeers = new Option<int>("--max-peers") { Description = "Each node's peer limit (maxPeers in its config, at least 2); 0: a link to every member. With a limit, shards replicate hop by hop.", DefaultValueFactory = _ => 0 };
        var floor = new Option<int>("--min-free-mb") { Description = "Stop the nodes and fail once the machine's available memory falls below this (MB).", DefaultValueFactory = _ => 3072 };
        var data = new Option<string?>("--data") { Description = "The heart-disease folder (default: data/heart-disease above the working directory)." };
        var command = new Command("scale", "N `fedchain node` processes on anvil, an N-way split of the heart-disease rows, a sharded plan; writes scale.json.")
        {
            nodes, rounds, output, seed, work, data, maxPeers, floor,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(nodes), parse.GetValue(rounds), parse.GetValue(output)!, parse.GetValue(seed), parse.GetValue(work), parse.GetValue(data), parse.GetValue(maxPeers), parse.GetValue(floor), ct));
        return command;
    }

    private static async Task<int> RunAsync(int nodes, int rounds, DirectoryInfo output, int seed, DirectoryInfo? workRoot, string? data, int maxPeers, int minFreeMegabytes, CancellationToken ct)
    {
        if (nodes is < 2 or > 100) return Fail($"--nodes must be 2 to 100, got {nodes}");
        if (maxPeers is < 0 or 1) return Fail($"--max-peers must be 0 (no limit) or at least 2, got {maxPeers}");
        if (minFreeMegabytes < 0) return Fail($"--min-free-mb must not be negative, got {minFreeMegabytes}");
        if (rounds is < 1 or > 20) return Fail($"--rounds must be 1 to 20, got {rounds}");
        output.Create();
        var work = workRoot is null ? Directory.CreateTempSubdirectory("fedchain-bench-scale-") : workRoot.CreateSubdirectory($"fedchain-bench-scale-{Guid.NewGuid():N}");
        ScaleResult result;
        try
        {
            result = await AnsiConsole.Status().StartAsync("bench scale", async context =>
                await new ScaleRun(nodes, rounds, seed, work.FullName, data, maxPeers, minFreeMegabytes * 1024L * 1024).RunAsync(new Progress<string>(s => context.Status($"bench scale: {s}")), ct));
        }
        catch (Exception e) when (e is InsufficientMemoryException or FileNotFoundException)
        {
            // Too little memory for N nodes, or no anvil (ChainTools names where it looked): a sentence, not a stack trace.
            return Fail(e.Message);
        }
        finally
        {
            work.Delete(recursive: true);
        }

        var path = Path.Combine(output.FullName, "scale.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, Json), ct);
        AnsiConsole.MarkupLine($"{result.Nodes} nodes, {result.Rounds} rounds of a {result.UpdateBytes}-byte update: round seconds {string.Join(" / ", result.RoundSeconds.Select(s => s.ToString("F1")))}; "
            + $"received per node per round max {result.ReceivedPerNodePerRound.Max / 1e6:F2} MB (mean {result.ReceivedPerNodePerRound.Mean / 1e6:F2}); "
            + $"memory per node max {result.MemoryPerNode.Max / 1e6:F0} MB (mean {result.MemoryPerNode.Mean / 1e6:F0}; proportional mean {result.ProportionalMemoryPerNode.Mean / 1e6:F0}); connections max {result.ConnectionsPerNode.Max:F0} (limit {(result.MaxPeers == 0 ? "none" : result.MaxPeers)}); "
            + $"same bits everywhere: {(result.IdenticalOnEveryNode ? "yes" : "[red]no[/]")}; audit findings: {result.AuditFindings.Count}");
        AnsiConsole.MarkupLine("received per node per round by message code, mean (max), over the update: "
            + string.Join("; ", result.ReceivedByCodePerRound.OrderByDescending(kv => kv.Value.Mean)
                .Select(kv => $"{kv.Key} {kv.Value.Mean / result.UpdateBytes:F3}x ({kv.Value.Max / result.UpdateBytes:F3}x)")));
        AnsiConsole.MarkupLine($"wrote {Markup.Escape(path)}");
        return result.IdenticalOnEveryNode && result.AuditFindings.Count == 0 ? 0 : 1;
    }

    private static int Fail(string message)
    {
        AnsiConsole.MarkupLine($"[red]{Markup.Escape(message)}[/]");
        return 2;
    }
}
