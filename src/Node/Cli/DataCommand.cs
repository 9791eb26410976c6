using System.CommandLine;

namespace FedChain.Node.Cli;

/// <summary>`fedchain data ...`: a site's own checks of its export against the consortium schema.</summary>
internal static class DataCommand
{
    public static Command Build()
    {
        var command = new Command("data", "Check a site's export against the consortium schema through the site's mapping.");
        command.Subcommands.Add(DataCheckCommand.Build());
        return command;
    }
}
