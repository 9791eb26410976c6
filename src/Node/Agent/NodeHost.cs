using FedChain.Contracts;
using FedChain.Contracts.Client;
using FedChain.Contracts.Deployment;
using FedChain.Node.Governance;
using FedChain.Node.Blobs;
using FedChain.Node.ChainView;
using FedChain.Node.Discovery;
using FedChain.Node.Identity;
using FedChain.Node.Membership;
using FedChain.Node.Network;
using FedChain.Node.Rounds.Availability;
using FedChain.Node.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FedChain.Node.Agent;

/// <summary>Composes a node on the generic host: key, chain follower and membership, blob store, network, agent, status server.</summary>
public static class NodeHost
{
    /// <summary>
    /// Builds the host after checking the chain id and catching up with the chain once, so membership is
    /// known before the network starts; then announces the advertised endpoint if the registry lists another.
    /// </summary>
    /// <param name="statusLines">Write <see cref="NodeStatus"/> lines to stdout (logs then go to stderr).</param>
    /// <param name="statusOutput">Where status lines go instead of stdout (in-process tests read them there).</param>
    public static async Task<IHost> BuildAsync(NodeConfig config, bool statusLines, bool exitWhenDone, CancellationToken ct, TextWriter? statusOutput = null)
    {
        var key = NodeKeystore.Load(config.Resolve(config.Keystore), config.Passphrase());
        var addresses = ConsortiumAddresses.Read(config.Resolve(config.Addresses));
        var listen = await PeerEndpoint.ResolveAsync(config.Listen, "listen", ct);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; });
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);

        var time = TimeProvider.System;
        var services = builder.Services;
        services.AddSingleton(time);
        services.AddSingleton(config);
        services.AddSingleton(key);
        services.AddSingleton(addresses);
        // A commit estimated before another member's lands may be mined as the one that closes the round, reaches a
        // quorum or stores the agreed score hash, and need far more gas than estimated. LedgerClient puts a floor
        // under round operations; the wide margin covers the rest. Unused gas is not charged.
        services.AddSingleton(p => new ChainClient(new Uri(config.Rpc ?? addresses.RpcUrl), Convert.ToHexString(key.ExportPrivateKey()), addresses.ChainId,
            new ChainClientOptions { ReceiptPollInterval = TimeSpan.FromMilliseconds(20), GasMarginPercent = 100, LegacyTransactions = config.LegacyTransactions },
            time, p.GetRequiredService<ILogger<ChainClient>>()));
        services.AddSingleton(p => new ChainFollower(p.GetRequiredService<ChainClient>(), addresses, time,
            TimeSpan.FromMilliseconds(config.ChainPollMilliseconds), p.GetRequiredService<ILogger<ChainFollower>>(), config.Confirmations));
        services.AddSingleton<IMembershipView>(p => new ChainMembership(p.GetRequiredService<ChainFollower>()));
        services.AddSingleton(p =>
        {
            var store = BlobStore.Open(config.BlobStoreFolder, time);
            store.Admission = new ChainBlobAdmission(p.GetRequiredService<ChainFollower>());
            store.QuotaBytes = config.BlobStoreQuotaMegabytes * 1024L * 1024;
            return store;
        });
        services.AddFedChainNetwork(o =>
        {
            o.Listen = listen;
            o.AdvertisedEndpoint = config.Advertise;
            foreach (var peer in config.Bootstrap) o.Bootstrap.Add(peer);
            o.DialInterval = TimeSpan.FromMilliseconds(500);
            o.MaxPeers = config.MaxPeers;
        });
        services.AddSingleton(new StatusReporter(statusLines, statusOutput ?? Console.Out));
        services.AddSingleton(p => new NodeContext(config, key, new Consortium(p.GetRequiredService<ChainClient>(), addresses),
            p.GetRequiredService<ChainFollower>(), p.GetRequiredService<NetworkNode>(), p.GetRequiredService<StatusReporter>(), time,
            p.GetRequiredService<ILoggerFactory>().CreateLogger("FedChain.Node")));
        services.AddSingleton(p => new NodeAgent(p.GetRequiredService<NodeContext>(), p.GetRequiredService<IHostApplicationLifetime>(), exitWhenDone));
        services.AddSingleton(p => new StatusBoard(p.GetRequiredService<NodeContext>()) { Consent = p.GetRequiredService<NodeAgent>().Consent });
        services.AddSingleton<StatusServer>();
        // The status server starts before the agent, so it answers by the time the node says "ready".
        services.AddHostedService(p => p.GetRequiredService<StatusServer>());
        services.AddHostedService(p => p.GetRequiredService<NodeAgent>());

        var host = builder.Build();
        var context = host.Services.GetRequiredService<NodeContext>();
        await CallerSession.CheckChainIdAsync(context.Consortium.Chain, config.ChainId ?? addresses.ChainId, ct);
        await host.Services.GetRequiredService<ChainFollower>().CatchUpAsync(ct);
        host.Services.GetRequiredService<StatusBoard>();
        await AdvertiseAsync(context, ct);
        Log.NodeStarted(context.Logger, key.Address.ToString(), config.Site, config.Rpc ?? addresses.RpcUrl);
        return host;
    }

    /// <summary>Updates this member's registry endpoint to the config's advertised one when they differ (one transaction, once).</summary>
    private static async Task AdvertiseAsync(NodeContext node, CancellationToken ct)
    {
        if (node.Config.Advertise is not { } advertised) return;
        var registered = node.Chain.Read(s => s.Members.GetValueOrDefault(node.Me)?.Endpoint);
        if (registered is null || registered == advertised) return;
        try
        {
            await node.Consortium.Membership.UpdateEndpointAsync(advertised, ct);
            Log.EndpointAdvertised(node.Logger, registered, advertised);
        }
        catch (ChainException e)
        {
            Log.BackgroundFailed(node.Logger, "registry endpoint update", e);
        }
    }
}
