using System.CommandLine;
using FedChain.Contracts.Client;
using Nethereum.KeyStore;

namespace FedChain.Node.Cli;

/// <summary>`fedchain chain deploy`: deploy and bootstrap the consortium on any EVM JSON-RPC endpoint.</summary>
internal static class ChainDeployCommand
{
    /// <summary>Environment variable holding the keystore passphrase when --passphrase-file is not given.</summary>
    public const string PassphraseVariable = "FEDCHAIN_KEY_PASSPHRASE";

    public static Command Build()
    {
        var rpc = new Option<string>("--rpc") { Description = "The chain's JSON-RPC endpoint (http or https URL).", Required = true };
        var keyFile = new Option<FileInfo>("--key-file")
        {
            Description = "The deployer's key: a Web3 Secret Storage keystore (JSON) or a file holding a hex private key.",
            Required = true,
        };
        var passphraseFile = new Option<FileInfo?>("--passphrase-file") { Description = $"The keystore's passphrase (else ${PassphraseVariable})." };
        var legacy = new Option<bool>("--legacy-transactions") { Description = "Send type-0 transactions with a gas price (chains without EIP-1559 base fees)." };
        var shared = new ChainOptions(defaultFunding: 0m);
        var command = new Command("deploy", "Deploy the contracts on --rpc, bootstrap the founders in --consortium and write --out.") { rpc, keyFile, passphraseFile, legacy };
        shared.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var options = shared.Deployment(parse);
                var key = ReadKey(parse.GetValue(keyFile)!, parse.GetValue(passphraseFile));
                var url = Uri.TryCreate(parse.GetValue(rpc), UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
                    ? u
                    : throw new InvalidDataException($"--rpc: \"{parse.GetValue(rpc)}\" is not an http(s) URL");
                using var deployer = await ChainClient.ConnectAsync(url, key, new ChainClientOptions { LegacyTransactions = parse.GetValue(legacy) }, ct: ct);
                await ConsortiumLaunch.DeployAsync(deployer, parse.GetValue(shared.Consortium)!, parse.GetValue(shared.Out)!, options, ct);
                return 0;
            }
            catch (Exception e) when (e is ChainException or InvalidDataException or FileNotFoundException or ArgumentException)
            {
                return ConsortiumLaunch.Fail(e);
            }
        });
        return command;
    }

    private static string ReadKey(FileInfo file, FileInfo? passphraseFile)
    {
        if (!file.Exists) throw new FileNotFoundException($"key file {file.FullName} does not exist", file.FullName);
        var text = File.ReadAllText(file.FullName).Trim();
        if (!text.StartsWith('{'))
        {
            var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
            if (hex.Length != 64 || !hex.All(Uri.IsHexDigit)) throw new InvalidDataException($"{file.FullName}: expected a keystore JSON or 64 hex digits of private key");
            return "0x" + hex;
        }

        var passphrase = passphraseFile is not null
            ? File.ReadAllText(passphraseFile.FullName).TrimEnd('\r', '\n')
            : Environment.GetEnvironmentVariable(PassphraseVariable)
              ?? throw new InvalidDataException($"{file.FullName} is a keystore: give --passphrase-file or set {PassphraseVariable}");
        try
        {
            return "0x" + Convert.ToHexStringLower(new KeyStoreService().DecryptKeyStoreFromJson(passphrase, text));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or System.Security.Cryptography.CryptographicException or Nethereum.KeyStore.Crypto.DecryptionException)
        {
            throw new InvalidDataException($"{file.FullName}: cannot decrypt the keystore ({e.Message})", e);
        }
    }
}
