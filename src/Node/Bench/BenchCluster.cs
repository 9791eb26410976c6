using System.Net;
using FedChain.Node.Blobs;
using FedChain.Node.Identity;
using FedChain.Node.Membership;
using FedChain.Node.Network;

namespace FedChain.Node.Bench;

/// <summary>Real nodes on 127.0.0.1 in this process, one blob store each under a work folder, all members of one
/// in-memory membership, dialling each other until every pair is connected.</summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    private readonly List<NodeKey> _keys = [];

    public List<NetworkNode> Nodes { get; } = [];

    public static async Task<BenchCluster> StartAsync(int count, int seed, string workFolder, Action<NetworkOptions> configure, IProgress<string> progress, CancellationToken ct)
    {
        var cluster = new BenchCluster();
        try
        {
            var membership = new InMemoryMembership();
            progress.Report($"starting {count} nodes");
            for (var i = 0; i < count; i++)
            {
                var key = NodeKey.Generate();
                cluster._keys.Add(key);
                var options = new NetworkOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), DialInterval = TimeSpan.FromMilliseconds(200), Seed = seed + i };
                configure(options);
                var node = new NetworkNode(key, membership, BlobStore.Open(Path.Combine(workFolder, $"node{i}")), options);
                await node.StartAsync(ct);
                membership.Set(new Member(node.Address, node.ListenEndPoint!.ToString()));
                cluster.Nodes.Add(node);
            }

            await cluster.WaitForAsync(() =>
            {
                var links = cluster.Nodes.Sum(n => n.ConnectedPeers.Count);
                progress.Report($"{links / 2}/{count * (count - 1) / 2} connections");
                return links == count * (count - 1);
            }, ct);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking whenever a node reports a change.</summary>
    public async Task WaitForAsync(Func<bool> condition, CancellationToken ct)
    {
        var changed = new SemaphoreSlim(0);
        void OnChange(object? sender, EventArgs e) => changed.Release();
        foreach (var node in Nodes) node.StateChanged += OnChange;
        try
        {
            while (!condition()) await changed.WaitAsync(ct);
        }
        finally
        {
            foreach (var node in Nodes) node.StateChanged -= OnChange;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
            node.Store.Dispose();
        }

        foreach (var key in _keys) key.Dispose();
    }
}
