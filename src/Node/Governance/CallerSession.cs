using System.Numerics;
using FedChain.Contracts;
using FedChain.Contracts.Client;
using FedChain.Contracts.Deployment;
using FedChain.Contracts.Events;
using FedChain.Node.Agent;
using FedChain.Node.Identity;

namespace FedChain.Node.Governance;

/// <summary>
/// Who runs a command and on which consortium: the chain client signing with the caller's own key
/// (from its node config, or a keystore and passphrase file), or a read-only client (an auditor, or
/// anyone reading). The chain id is checked against what the addresses file (or config) expects.
/// </summary>
public sealed class CallerSession : IDisposable
{
    private CallerSession(Consortium consortium, NodeConfig? config, string? address)
    {
        Consortium = consortium;
        Config = config;
        Address = address;
    }

    public Consortium Consortium { get; }

    public ChainClient Chain => Consortium.Chain;

    public ConsortiumAddresses Addresses => Consortium.Addresses;

    /// <summary>The caller's node config, when it gave one (its state folder holds blobs, approvals, results).</summary>
    public NodeConfig? Config { get; }

    /// <summary>The caller's address (EIP-55), or null for a read-only session.</summary>
    public string? Address { get; }

    /// <summary>Plan <paramref name="planId"/> as the ledger records it; a plan it does not have is refused in words.</summary>
    public async Task<PlanRecord> PlanAsync(BigInteger planId, CancellationToken ct) =>
        (await Consortium.ReplayLedgerAsync(ct)).Plans.TryGetValue(planId, out var plan) ? plan : throw new GovernanceRefusal($"there is no plan {planId} on this ledger");

    /// <summary>Opens a session as the institution whose node config is <paramref name="configFile"/>.</summary>
    public static Task<CallerSession> FromConfigAsync(string configFile, Uri? rpc, CancellationToken ct) =>
        OpenAsync(NodeConfig.Load(configFile), null, null, null, rpc, needKey: true, ct);

    /// <param name="config">The caller's node config (key, addresses, chain settings), or null.</param>
    /// <param name="keystore">Without a config: the caller's keystore (null for a read-only session).</param>
    /// <param name="passphraseFile">The keystore's passphrase file (else $FEDCHAIN_KEY_PASSPHRASE).</param>
    /// <param name="addressesFile">Without a config: the consortium's addresses file.</param>
    /// <param name="needKey">Refuse to open without a key.</param>
    public static async Task<CallerSession> OpenAsync(NodeConfig? config, string? keystore, string? passphraseFile, string? addressesFile, Uri? rpc, bool needKey, CancellationToken ct)
    {
        var addressesPath = config is not null ? config.Resolve(config.Addresses)
            : addressesFile ?? throw new InvalidDataException("give --config (your node config) or --addresses (the consortium's addresses file)");
        var addresses = ConsortiumAddresses.Read(addressesPath);
        NodeKey? key = null;
        if (config is not null) key = NodeKeystore.Load(config.Resolve(config.Keystore), config.Passphrase());
        else if (keystore is not null) key = NodeKeystore.Load(keystore, ReadPassphrase(keystore, passphraseFile));
        else if (needKey) throw new InvalidDataException("this command signs a transaction: give --config (your node config) or --keystore with --passphrase-file");

        using (key)
        {
            var url = rpc ?? (config?.Rpc is { } configured ? new Uri(configured) : new Uri(addresses.RpcUrl));
            // Votes estimated together (one block a second) land in one block: the one that reaches the quorum
            // (or extends a late quorum) needs more gas than its estimate saw. Unused gas is not charged.
            var options = new ChainClientOptions { LegacyTransactions = config?.LegacyTransactions ?? false, GasMarginPercent = 100 };
            var privateKey = key is null ? null : Convert.ToHexString(key.ExportPrivateKey());
            var chain = new ChainClient(url, privateKey, addresses.ChainId, options);
            try
            {
                await CheckChainIdAsync(chain, config?.ChainId ?? addresses.ChainId, ct);
            }
            catch
            {
                chain.Dispose();
                throw;
            }

            return new CallerSession(new Consortium(chain, addresses), config, key?.Address.ToString());
        }
    }

    /// <summary>Refuses a chain whose id is not <paramref name="expected"/> (a node or a command pointed at the wrong network).</summary>
    public static async Task CheckChainIdAsync(ChainClient chain, long expected, CancellationToken ct)
    {
        var actual = await chain.RemoteChainIdAsync(ct);
        if (actual != expected) throw new InvalidDataException($"{chain.RpcUrl} is chain {actual}, not the expected chain {expected}: check the rpc endpoint, the addresses file and the config's chainId");
    }

    /// <summary>A keystore's passphrase from its file, else $FEDCHAIN_KEY_PASSPHRASE.</summary>
    public static string ReadPassphrase(string keystore, string? passphraseFile)
    {
        if (passphraseFile is not null)
        {
            if (!File.Exists(passphraseFile)) throw new FileNotFoundException($"passphrase file {passphraseFile} does not exist", passphraseFile);
            return File.ReadAllText(passphraseFile).TrimEnd('\r', '\n');
        }

        return Environment.GetEnvironmentVariable(PassphraseVariable)
            ?? throw new InvalidDataException($"{keystore} is a keystore: give --passphrase-file or set {PassphraseVariable}");
    }

    public const string PassphraseVariable = "FEDCHAIN_KEY_PASSPHRASE";

    public void Dispose() => Chain.Dispose();
}
