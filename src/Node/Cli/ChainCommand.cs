using System.CommandLine;

namespace FedChain.Node.Cli;

/// <summary>`fedchain chain ...`: start a development chain or deploy the consortium's contracts.</summary>
internal static class ChainCommand
{
    public static Command Build()
    {
        var command = new Command("chain", "Start a local chain with the consortium deployed, or deploy it on any EVM endpoint.");
        command.Subcommands.Add(ChainUpCommand.Build());
        command.Subcommands.Add(ChainDeployCommand.Build());
        return command;
    }
}
