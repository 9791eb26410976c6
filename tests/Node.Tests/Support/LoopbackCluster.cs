using System.Net;
using FedChain.Node.Blobs;
using FedChain.Node.Identity;
using FedChain.Node.Membership;
using FedChain.Node.Network;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Support;

/// <summary>Real nodes on 127.0.0.1, each with its own key and blob store, sharing one in-memory membership.</summary>
public sealed class LoopbackCluster : IAsyncDisposable
{
    private readonly TempDirectory _root = new();
    private readonly Action<NetworkOptions>? _configure;
    private readonly Action<int, BlobStore>? _configureStore;
    private readonly int _chunkSize;
    private readonly long _recentBytes;
    private readonly List<NodeKey> _keys = [];

    private LoopbackCluster(TimeProvider time, Action<NetworkOptions>? configure, int chunkSize, long recentBytes, Action<int, BlobStore>? configureStore)
    {
        Time = time;
        _configure = configure;
        _chunkSize = chunkSize;
        _recentBytes = recentBytes;
        _configureStore = configureStore;
    }

    public InMemoryMembership Membership { get; } = new();

    public TimeProvider Time { get; }

    public LogCollector Logs { get; } = new();

    /// <summary>Running nodes by index; null for a stopped one.</summary>
    public List<NetworkNode?> Nodes { get; } = [];

    public NetworkNode this[int index] => Nodes[index] ?? throw new InvalidOperationException($"node {index} is stopped");

    public IEnumerable<NetworkNode> Running => Nodes.OfType<NetworkNode>();

    /// <param name="configureStore">Sets up node i's store (admission, quota) before the node starts.</param>
    /// <param name="recentBytes">Bytes of recent blobs each store also keeps in memory (0: every read goes to disk).</param>
    public static async Task<LoopbackCluster> StartAsync(int count, Action<NetworkOptions>? configure = null, TimeProvider? time = null, int chunkSize = 64 * 1024,
        Action<int, BlobStore>? configureStore = null, long recentBytes = BlobStore.DefaultRecentBytes)
    {
        var cluster = new LoopbackCluster(time ?? TimeProvider.System, configure, chunkSize, recentBytes, configureStore);
        for (var i = 0; i < count; i++) await cluster.AddNodeAsync();
        return cluster;
    }

    /// <summary>Starts one more member; its endpoint goes into the membership so the others dial it.</summary>
    public async Task<NetworkNode> AddNodeAsync()
    {
        var key = NodeKey.Generate();
        _keys.Add(key);
        Nodes.Add(null);
        return await StartNodeAsync(Nodes.Count - 1);
    }

    /// <summary>Starts node <paramref name="index"/> again with the same key and blob store.</summary>
    public async Task<NetworkNode> StartNodeAsync(int index)
    {
        var options = new NetworkOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            DialInterval = TimeSpan.FromMilliseconds(100),
            HandshakeTimeout = TimeSpan.FromSeconds(5),
            Seed = index + 1,
        };
        options.Gossip.HeartbeatInterval = TimeSpan.FromMilliseconds(200);
        options.Blobs.RetryDelay = TimeSpan.FromMilliseconds(50);
        options.Blobs.RequestTimeout = TimeSpan.FromSeconds(5);
        _configure?.Invoke(options);
        var store = BlobStore.Open(Path.Combine(_root.Path, $"node{index}"), Time, _chunkSize, _recentBytes);
        _configureStore?.Invoke(index, store);
        var node = new NetworkNode(_keys[index], Membership, store, options, Time, Logs);
        await node.StartAsync(CancellationToken.None);
        options.AdvertisedEndpoint = node.ListenEndPoint!.ToString();
        Nodes[index] = node;
        Membership.Set(new Member(node.Address, node.ListenEndPoint!.ToString()));
        return node;
    }

    /// <summary>Stops node <paramref name="index"/> and closes its store, keeping its files and membership.</summary>
    public async Task StopNodeAsync(int index)
    {
        var node = this[index];
        Nodes[index] = null;
        await node.DisposeAsync();
        node.Store.Dispose();
    }

    /// <summary>Cuts node <paramref name="index"/>'s connections abruptly, then stops it, as a killed process.</summary>
    public async Task KillNodeAsync(int index)
    {
        this[index].AbortAllConnections();
        await StopNodeAsync(index);
    }

    public NodeKey KeyOf(int index) => _keys[index];

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking whenever any running node reports a change.</summary>
    public Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        Eventually.WaitAsync(Running.ToList(), condition, what, timeout ?? TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < Nodes.Count; i++)
        {
            if (Nodes[i] is not null) await StopNodeAsync(i);
        }

        foreach (var key in _keys) key.Dispose();
        _root.Dispose();
    }
}
