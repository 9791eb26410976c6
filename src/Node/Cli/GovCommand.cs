using System.CommandLine;

namespace FedChain.Node.Cli;

/// <summary>`fedchain gov ...`: governance with the caller's own key, in real time, through the governor's real delays.</summary>
internal static class GovCommand
{
    public static Command Build()
    {
        var command = new Command("gov", "Propose, vote on, queue and execute governance proposals with your own key; list and show them in words.");
        command.Subcommands.Add(GovProposeCommand.Build());
        command.Subcommands.Add(GovVoteCommand.Build());
        command.Subcommands.Add(GovExecuteCommand.Build(queue: false));
        command.Subcommands.Add(GovExecuteCommand.Build(queue: true));
        command.Subcommands.Add(GovListCommand.BuildList());
        command.Subcommands.Add(GovListCommand.BuildShow());
        return command;
    }

    /// <summary>A proposal id argument (the governor's uint256).</summary>
    public static Argument<string> ProposalId() => new("ID") { Description = "The proposal id (as `fedchain gov list` prints it)." };

    public static System.Numerics.BigInteger ParseId(string text) =>
        System.Numerics.BigInteger.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id : throw new ArgumentException($"'{text}' is not a proposal id: expected a decimal number as `fedchain gov list` prints it");

    public static Option<bool> Wait(string what) => new("--wait") { Description = $"Wait (by the chain's clock) until {what} instead of refusing." };
}
