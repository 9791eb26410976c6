using System.CommandLine;
using System.Text.Json;
using FedChain.Node.Bench;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>`fedchain bench gossip`: all-to-all blob dissemination between real nodes on loopback.</summary>
internal static class BenchGossipCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Build()
    {
        var nodes = new Option<int>("--nodes") { Description = "Nodes on loopback, each publishing one blob.", DefaultValueFactory = _ => 10 };
        var blobMb = new Option<double>("--blob-mb") { Description = "Blob size in MiB.", DefaultValueFactory = _ => 4 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for gossip.json, gossip-detail.json and gossip.png.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed for blob contents and the nodes' random choices.", DefaultValueFactory = _ => 1 };
        var work = new Option<DirectoryInfo?>("--work") { Description = "Where the nodes' blob stores go (default: the system temp folder); a tmpfs such as /dev/shm takes the disk out of the figures." };
        var command = new Command("gossip", "All-to-all blob dissemination between real nodes on loopback; writes gossip.json.")
        {
            nodes, blobMb, output, seed, work,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(nodes), parse.GetValue(blobMb), parse.GetValue(output)!, parse.GetValue(seed), parse.GetValue(work), ct));
        return command;
    }

    private static async Task<int> RunAsync(int nodes, double blobMb, DirectoryInfo output, int seed, DirectoryInfo? workRoot, CancellationToken ct)
    {
        if (nodes is < 2 or > 64) return Fail($"--nodes must be 2 to 64, got {nodes}");
        if (blobMb is <= 0 or > 256) return Fail($"--blob-mb must be above 0 and at most 256, got {blobMb}");
        var blobBytes = (long)(blobMb * 1024 * 1024);
        output.Create();
        var work = workRoot is null
            ? Directory.CreateTempSubdirectory("fedchain-bench-gossip-")
            : workRoot.CreateSubdirectory($"fedchain-bench-gossip-{Guid.NewGuid():N}");
        GossipBenchDetail detail;
        try
        {
            detail = await AnsiConsole.Status().StartAsync("bench gossip", async context =>
                await new GossipBench(nodes, blobBytes, seed, work.FullName).RunAsync(new Progress<string>(s => context.Status($"bench gossip: {s}")), ct));
        }
        finally
        {
            work.Delete(recursive: true);
        }

        await File.WriteAllTextAsync(Path.Combine(output.FullName, "gossip.json"), JsonSerializer.Serialize(detail.Result, Json), ct);
        await File.WriteAllTextAsync(Path.Combine(output.FullName, "gossip-detail.json"), JsonSerializer.Serialize(detail, Json), ct);
        GossipBenchPlot.Save(detail, Path.Combine(output.FullName, "gossip.png"));
        Print(detail, output.FullName);
        return 0;
    }

    private static void Print(GossipBenchDetail detail, string folder)
    {
        var table = new Table().AddColumns("node", "received MiB", "sent MiB", "received ratio", "sent ratio", "chunks fetched", "chunks served");
        for (var i = 0; i < detail.Nodes.Count; i++)
        {
            var n = detail.Nodes[i];
            table.AddRow($"{i}", $"{n.ReceivedBytes / 1048576.0:F1}", $"{n.SentBytes / 1048576.0:F1}", $"{n.ReceivedRatio:F3}", $"{n.SentRatio:F3}", $"{n.ChunksFetched}", $"{n.ChunksServed}");
        }

        AnsiConsole.Write(table);
        var r = detail.Result;
        AnsiConsole.MarkupLine($"all-to-all: [bold]{r.AllToAllSeconds:F2} s[/] for {r.Nodes} x {r.BlobBytes} bytes; max received ratio [bold]{r.MaxReceivedRatio:F3}[/], max sent ratio {r.MaxSentRatio:F3}, control bytes {r.ControlBytes}; CPU {detail.CpuSeconds:F2} s");
        AnsiConsole.MarkupLine($"plain TCP, one loopback socket, the same {detail.PlainTcpBytes} bytes: [bold]{detail.PlainTcpSeconds:F2} s[/]");
        AnsiConsole.MarkupLine($"wrote {Markup.Escape(Path.Combine(folder, "gossip.json"))}, gossip-detail.json, gossip.png");
    }

    private static int Fail(string message)
    {
        AnsiConsole.MarkupLine($"[red]{Markup.Escape(message)}[/]");
        return 2;
    }
}
