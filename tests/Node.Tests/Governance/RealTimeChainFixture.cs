using System.CommandLine;
using System.Text.Json;
using FedChain.Contracts.Chain;
using FedChain.Node.Cli;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Governance;

/// <summary>
/// Anvil with a block every second and a consortium of three founders deployed through `fedchain chain
/// deploy` (voting delay 2 s, period 10 s: the contracts' floor). Each founder, and one outsider, made its own keystore with
/// `fedchain key new`; tests act as them only through `--keystore` and their own passphrase files.
/// </summary>
public sealed class RealTimeChainFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private AnvilProcess? _anvil;

    public const int VotingDelay = 2;
    public const int VotingPeriod = 10;

    public static readonly string[] Founders = ["alpha", "beta", "gamma"];
    public const string Outsider = "outsider";

    /// <summary>Not a member until a test admits it.</summary>
    public const string Newcomer = "delta";

    public string Addresses => _dir.File("addresses.json");

    public Dictionary<string, string> AddressOf { get; } = [];

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _anvil = await AnvilProcess.StartAsync(extraArgs: ["--block-time", "1"], ct: timeout.Token);
        foreach (var party in Founders.Append(Outsider).Append(Newcomer))
        {
            var made = Run("key", "new", "--out", Keystore(party), "--passphrase-file", Passphrase(party), "--light");
            AddressOf[party] = made.Output.Trim();
        }

        File.WriteAllText(_dir.File("founders.json"), JsonSerializer.Serialize(new
        {
            members = Founders.Select((f, i) => new { name = f, address = AddressOf[f], endpoint = $"127.0.0.1:{7101 + i}", role = "member" }),
        }));
        File.WriteAllText(_dir.File("deployer.key"), _anvil.DevPrivateKeys[0]);
        var deployed = await RunAsync("chain", "deploy", "--rpc", _anvil.RpcUrl.ToString(), "--key-file", _dir.File("deployer.key"), "--consortium", _dir.File("founders.json"),
            "--out", Addresses, "--voting-delay", $"{VotingDelay}", "--voting-period", $"{VotingPeriod}", "--fund-ether", "10");
        if (deployed.ExitCode != 0) throw new InvalidOperationException($"chain deploy failed: {deployed.Output}{deployed.Error}");
    }

    public string Keystore(string party) => _dir.File($"{party}.key.json");

    public string Passphrase(string party) => _dir.File($"{party}.passphrase");

    /// <summary>`fedchain ARGS --keystore PARTY's --passphrase-file PARTY's --addresses`.</summary>
    public Task<(int ExitCode, string Output, string Error)> As(string party, params string[] args) =>
        RunAsync([.. args, "--keystore", Keystore(party), "--passphrase-file", Passphrase(party), "--addresses", Addresses]);

    public Task<(int ExitCode, string Output, string Error)> Reader(params string[] args) => RunAsync([.. args, "--addresses", Addresses]);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await FedChainCommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => Cli.KeyCommandTests.Run(args);

    public async Task DisposeAsync()
    {
        if (_anvil is not null) await _anvil.DisposeAsync();
        _dir.Dispose();
    }
}
