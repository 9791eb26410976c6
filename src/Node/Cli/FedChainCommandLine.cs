using System.CommandLine;

namespace FedChain.Node.Cli;

/// <summary>The `fedchain` command tree. Each subcommand is built in its own file.</summary>
public static class FedChainCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("FedChain: federated learning across hospitals, with a chain as the consortium's ledger.");
        root.Subcommands.Add(DemoCommand.Build());
        root.Subcommands.Add(BenchCommand.Build());
        root.Subcommands.Add(PrivacyCommand.Build());
        root.Subcommands.Add(SimulateCommand.Build());
        root.Subcommands.Add(DataCommand.Build());
        root.Subcommands.Add(AnalyseCommand.Build());
        root.Subcommands.Add(ChainCommand.Build());
        root.Subcommands.Add(NodeCommand.Build());
        root.Subcommands.Add(AuditCommand.Build());
        root.Subcommands.Add(KeyCommand.Build());
        root.Subcommands.Add(GovCommand.Build());
        root.Subcommands.Add(PlanCommand.Build());
        root.Subcommands.Add(ModelCommand.Build());
        root.Subcommands.Add(StatusCommand.Build());
        return root;
    }
}
