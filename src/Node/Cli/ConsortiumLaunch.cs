using FedChain.Contracts.Client;
using FedChain.Contracts.Deployment;
using FedChain.Node.Reports;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>What `chain up` and `chain deploy` both do once they have a deployer: read the founders,
/// deploy and bootstrap, write the addresses file, show the result.</summary>
internal static class ConsortiumLaunch
{
    public static async Task<ConsortiumAddresses> DeployAsync(ChainClient deployer, FileInfo consortium, FileInfo output,
        DeploymentOptions options, CancellationToken ct)
    {
        var founders = ConsortiumFile.Read(consortium.FullName);
        var addresses = await ConsortiumDeployer.DeployAsync(deployer, founders, options,
            new ConsoleLines(), null, ct);
        await addresses.WriteAsync(output.FullName, ct);

        var table = new Table().AddColumns("contract", "address");
        table.AddRow("MembershipRegistry", addresses.MembershipRegistry);
        table.AddRow("ConsortiumGovernor", addresses.Governor);
        table.AddRow("TrainingLedger", addresses.TrainingLedger);
        table.AddRow("RewardToken", addresses.RewardToken);
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"chain {addresses.ChainId} at {addresses.RpcUrl}, deployed from block {addresses.DeploymentBlock}; {founders.Count} founders");
        AnsiConsole.MarkupLineInterpolated($"addresses written to [bold]{output.FullName}[/]");
        return addresses;
    }

    /// <summary>Prints an expected failure (bad input, chain unreachable, revert) as one clear line; returns the exit code.</summary>
    public static int Fail(Exception e)
    {
        AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
        return e is ChainException ? 3 : 2;
    }
}
