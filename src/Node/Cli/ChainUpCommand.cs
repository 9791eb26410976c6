using System.CommandLine;
using FedChain.Contracts.Chain;
using FedChain.Contracts.Client;
using FedChain.Node.Reports;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>`fedchain chain up`: anvil with the consortium deployed and every member funded, until Ctrl-C.</summary>
internal static class ChainUpCommand
{
    public static Command Build()
    {
        var port = new Option<int>("--port") { Description = "Port for anvil's JSON-RPC (0: any free port).", DefaultValueFactory = _ => 8545 };
        var host = new Option<string>("--host") { Description = "Address anvil listens on (default loopback; an address nodes in other namespaces or hosts can reach).", DefaultValueFactory = _ => "127.0.0.1" };
        var blockTime = new Option<uint>("--block-time") { Description = "Seconds between blocks (real time, as a production chain); 0 mines each transaction at once.", DefaultValueFactory = _ => 0 };
        var shared = new ChainOptions(defaultFunding: 100m);
        var command = new Command("up", "Start anvil, deploy the contracts, bootstrap the founders in --consortium, write --out, fund members as they are admitted, and run until Ctrl-C.") { port, host, blockTime };
        shared.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var options = shared.Deployment(parse);
                if (!System.Net.IPAddress.TryParse(parse.GetValue(host), out _)) throw new ArgumentException($"--host: '{parse.GetValue(host)}' is not an IP address");
                string[] mining = parse.GetValue(blockTime) is > 0 and var seconds ? ["--block-time", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [];
                await using var anvil = await AnvilProcess.StartAsync(extraArgs: mining, ct: ct, port: parse.GetValue(port), host: parse.GetValue(host)!);
                using var deployer = new ChainClient(anvil.RpcUrl, anvil.DevPrivateKeys[0], AnvilProcess.ChainId);
                var addresses = await ConsortiumLaunch.DeployAsync(deployer, parse.GetValue(shared.Consortium)!, parse.GetValue(shared.Out)!, options, ct);
                AnsiConsole.MarkupLine("anvil is running; [bold]Ctrl-C[/] stops it.");
                if (options.FundFoundersWei > 0) await new AdmittedMemberFunding(deployer, addresses, options.FundFoundersWei, new ConsoleLines()).RunAsync(ct);
                else await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default);
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
