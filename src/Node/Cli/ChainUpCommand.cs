using System.CommandLine;
using FedChain.Contracts.Chain;
using FedChain.Contracts.Client;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>`fedchain chain up`: anvil with the consortium deployed and the founders funded, until Ctrl-C.</summary>
internal static class ChainUpCommand
{
    public static Command Build()
    {
        var port = new Option<int>("--port") { Description = "Loopback port for anvil's JSON-RPC (0: any free port).", DefaultValueFactory = _ => 8545 };
        var shared = new ChainOptions(defaultFunding: 100m);
        var command = new Command("up", "Start anvil, deploy the contracts, bootstrap the founders in --consortium, write --out, and run until Ctrl-C.") { port };
        shared.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var options = shared.Deployment(parse);
                await using var anvil = await AnvilProcess.StartAsync(ct: ct, port: parse.GetValue(port));
                using var deployer = new ChainClient(anvil.RpcUrl, anvil.DevPrivateKeys[0], AnvilProcess.ChainId);
                await ConsortiumLaunch.DeployAsync(deployer, parse.GetValue(shared.Consortium)!, parse.GetValue(shared.Out)!, options, ct);
                AnsiConsole.MarkupLine("anvil is running; [bold]Ctrl-C[/] stops it.");
                await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default);
                AnsiConsole.MarkupLine("stopping anvil");
                return 0;
            }
            catch (Exception e) when (e is ChainException or InvalidDataException or FileNotFoundException or ArgumentException or InvalidOperationException)
            {
                return ConsortiumLaunch.Fail(e);
            }
        });
        return command;
    }
}
