using System.CommandLine;
using System.Text.Json;
using FedChain.Contracts.Client;
using FedChain.Contracts.Deployment;
using FedChain.Contracts.Events;
using FedChain.Node.Agent;
using FedChain.Node.Audit;
using FedChain.Node.Reports;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>`fedchain audit`: checks the chain's record of every plan (training and analysis) against the gossiped blobs.</summary>
internal static class AuditCommand
{
    public static Command Build()
    {
        var rpc = UriOption.Create("--rpc", "JSON-RPC endpoint (default: the addresses file's).");
        var addresses = new Option<FileInfo>("--addresses") { Description = "The consortium's addresses file.", Required = true };
        var blobs = new Option<DirectoryInfo>("--blobs") { Description = "Folder of exported blobs (files named by their SHA-256).", Required = true };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the result as JSON to this file." };
        var analyses = new Option<DirectoryInfo?>("--analyses") { Description = "Write each analysis plan's results, recomputed from the blobs, as DIR/plan-ID/analysis.json." };
        var command = new Command("audit", "Re-check every commitment, aggregate, quorum and release on the chain against the blobs; exit 1 on any finding.")
        {
            rpc, addresses, blobs, json, analyses,
        };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var at = ConsortiumAddresses.Read(parse.GetValue(addresses)!.FullName);
                using var chain = new ChainClient(parse.GetValue(rpc) ?? new Uri(at.RpcUrl), null, at.ChainId);
                var result = await Auditor.RunAsync(new ChainEventReader(chain, at), at.DeploymentBlock, parse.GetValue(blobs)!.FullName, new ConsoleLines(), ct);
                AuditSummary.Show(result);
                if (parse.GetValue(json) is { } file) await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(result, StatusReporter.Json), ct);
                if (parse.GetValue(analyses) is { } folder) await WriteAnalysesAsync(result, folder, ct);
                return result.Ok ? 0 : 1;
            }
            catch (Exception e) when (e is ChainException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
            {
                return ConsortiumLaunch.Fail(e);
            }
        });
        return command;
    }

    private static async Task WriteAnalysesAsync(AuditResult result, DirectoryInfo folder, CancellationToken ct)
    {
        foreach (var (plan, json) in result.Analyses)
        {
            var dir = Directory.CreateDirectory(Path.Combine(folder.FullName, $"plan-{plan}"));
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "analysis.json"), json, ct);
            AnsiConsole.MarkupLineInterpolated($"analysis plan {plan}: recomputed results in {Path.Combine(dir.FullName, "analysis.json")}");
        }
    }
}
