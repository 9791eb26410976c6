using System.CommandLine;
using System.Text.Json;
using FedChain.Contracts.Client;
using FedChain.Contracts.Deployment;
using FedChain.Contracts.Events;
using FedChain.Node.Agent;
using FedChain.Node.Audit;
using FedChain.Node.Reports;

namespace FedChain.Node.Cli;

/// <summary>`fedchain audit`: checks the chain's record of every plan against the gossiped blobs.</summary>
internal static class AuditCommand
{
    public static Command Build()
    {
        var rpc = new Option<Uri?>("--rpc") { Description = "JSON-RPC endpoint (default: the addresses file's)." };
        var addresses = new Option<FileInfo>("--addresses") { Description = "The consortium's addresses file.", Required = true };
        var blobs = new Option<DirectoryInfo>("--blobs") { Description = "Folder of exported blobs (files named by their SHA-256).", Required = true };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the result as JSON to this file." };
        var command = new Command("audit", "Re-check every commitment, aggregate, quorum and release on the chain against the blobs; exit 1 on any finding.")
        {
            rpc, addresses, blobs, json,
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
                return result.Ok ? 0 : 1;
            }
            catch (Exception e) when (e is ChainException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
            {
                return ConsortiumLaunch.Fail(e);
            }
        });
        return command;
    }
}
