using System.CommandLine;
using FedChain.Contracts.Client;
using FedChain.Node.Agent;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>`fedchain node --config FILE`: one institution's long-running peer.</summary>
internal static class NodeCommand
{
    public static Command Build()
    {
        var config = new Option<FileInfo>("--config") { Description = "The node's JSON config (keystore, data, schema, addresses, listen, state directory).", Required = true };
        var statusLines = new Option<bool>("--status-lines") { Description = "Write progress as 'status {json}' lines on stdout; logs go to stderr." };
        var exitWhenDone = new Option<bool>("--exit-when-done") { Description = "Stop once every plan this node takes part in is finished." };
        var command = new Command("node", "Run this institution's peer: join the network, follow the chain, train the plans it opted into.")
        {
            config, statusLines, exitWhenDone,
        };
        command.SetAction(async (parse, ct) =>
        {
            IHost host;
            try
            {
                host = await NodeHost.BuildAsync(NodeConfig.Load(parse.GetValue(config)!.FullName), parse.GetValue(statusLines), parse.GetValue(exitWhenDone), ct);
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException or ChainException)
            {
                AnsiConsole.Console.Profile.Out = new AnsiConsoleOutput(Console.Error);
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
                return e is ChainException ? 3 : 2;
            }

            using (host)
            {
                await host.RunAsync(ct);
            }

            return Environment.ExitCode;
        });
        return command;
    }
}
