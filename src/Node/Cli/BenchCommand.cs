using System.CommandLine;

namespace FedChain.Node.Cli;

/// <summary>`fedchain bench ...`: scenario benchmarks that run the real product and write figures to a folder.</summary>
internal static class BenchCommand
{
    public static Command Build()
    {
        var command = new Command("bench", "Run a benchmark scenario and write its figures (JSON, markdown, plots) to --out.");
        // One subcommand per scenario, each in its own Bench<Name>Command.cs.
        command.Subcommands.Add(BenchSecAggCommand.Build());
        command.Subcommands.Add(BenchFlambyCommand.Build());
        command.Subcommands.Add(BenchInfluenzaCommand.Build());
        command.Subcommands.Add(BenchTreatmentCommand.Build());
        command.Subcommands.Add(BenchTreesCommand.Build());
        command.Subcommands.Add(BenchChainCommand.Build());
        command.Subcommands.Add(BenchGossipCommand.Build());
        command.Subcommands.Add(BenchAggregateCommand.Build());
        command.Subcommands.Add(BenchScaleCommand.Build());
        command.Subcommands.Add(BenchRobustCommand.Build());
        command.Subcommands.Add(BenchCompressionCommand.Build());
        command.Subcommands.Add(BenchPersonalisationCommand.Build());
        command.Subcommands.Add(BenchAsyncCommand.Build());
        return command;
    }
}
