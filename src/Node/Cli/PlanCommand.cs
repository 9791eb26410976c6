using System.CommandLine;

namespace FedChain.Node.Cli;

/// <summary>`fedchain plan ...`: plans are documents that people write, check, review and approve.</summary>
internal static class PlanCommand
{
    public static Command Build()
    {
        var command = new Command("plan", "Write, check, describe and locally approve training plans (JSON documents whose SHA-256 goes on-chain).");
        command.Subcommands.Add(PlanInitCommand.Build());
        command.Subcommands.Add(PlanCheckCommand.Build());
        command.Subcommands.Add(PlanShowCommand.Build());
        command.Subcommands.Add(PlanApproveCommand.Build());
        return command;
    }
}
