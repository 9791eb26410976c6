using System.CommandLine;

namespace FedChain.Node.Cli;

/// <summary>`fedchain privacy ...`: the differential-privacy accountant from the command line.</summary>
internal static class PrivacyCommand
{
    public static Command Build()
    {
        var command = new Command("privacy", "Differential-privacy accounting for the Poisson-sampled Gaussian mechanism (DP-SGD).");
        command.Subcommands.Add(PrivacyEpsilonCommand.Build());
        command.Subcommands.Add(PrivacyNoiseCommand.Build());
        return command;
    }
}
