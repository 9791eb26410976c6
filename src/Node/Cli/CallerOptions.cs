using System.CommandLine;
using FedChain.Node.Governance;
using FedChain.Node.Agent;

namespace FedChain.Node.Cli;

/// <summary>
/// Who runs a command: the caller's node config (its key, addresses and chain settings), or a keystore
/// with its passphrase file and the consortium's addresses file; read-only commands need neither key.
/// </summary>
internal sealed class CallerOptions
{
    public Option<FileInfo?> Config { get; } = new("--config") { Description = "Your node config: its keystore signs, its addresses file names the consortium." };

    public Option<FileInfo?> Keystore { get; } = new("--keystore") { Description = "Without --config: your Web3 Secret Storage keystore." };

    public Option<FileInfo?> PassphraseFile { get; } = new("--passphrase-file") { Description = $"The keystore's passphrase (else ${CallerSession.PassphraseVariable})." };

    public Option<FileInfo?> Addresses { get; } = new("--addresses") { Description = "Without --config: the consortium's addresses file." };

    public Option<Uri?> Rpc { get; } = UriOption.Create("--rpc", "JSON-RPC endpoint (default: the config's or the addresses file's).");

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Config, Keystore, PassphraseFile, Addresses, Rpc }) command.Options.Add(option);
    }

    public NodeConfig? NodeConfig(ParseResult parse) => parse.GetValue(Config) is { } file ? Agent.NodeConfig.Load(file.FullName) : null;

    public Task<CallerSession> OpenAsync(ParseResult parse, bool needKey, CancellationToken ct) =>
        CallerSession.OpenAsync(NodeConfig(parse), parse.GetValue(Keystore)?.FullName, parse.GetValue(PassphraseFile)?.FullName,
            parse.GetValue(Addresses)?.FullName, parse.GetValue(Rpc), needKey, ct);
}
