using System.Collections.Concurrent;
using FedChain.Node.Agent;
using FedChain.Node.Demo;

namespace FedChain.Node.Tests.EndToEnd;

/// <summary>
/// Collects the status lines of node processes and lets a test await one, event-driven: each wait
/// is a predicate checked against every line already seen and every line to come.
/// </summary>
public sealed class NodeWatch
{
    private readonly ConcurrentQueue<(string Site, NodeStatus Status)> _seen = new();
    private readonly List<(Func<string, NodeStatus, bool> Match, TaskCompletionSource Done)> _waiters = [];
    private readonly Lock _lock = new();

    public void Attach(NodeProcess node) => node.Status += (n, s) => OnStatus(n.Member.Site, s);

    private void OnStatus(string site, NodeStatus status)
    {
        lock (_lock)
        {
            _seen.Enqueue((site, status));
            foreach (var (match, done) in _waiters.Where(w => w.Match(site, status)).ToList()) done.TrySetResult();
        }
    }

    /// <summary>Completes once some node of <paramref name="site"/> (any, when null) sends a matching status.</summary>
    public Task WaitAsync(string? site, Func<NodeStatus, bool> match, string what, TimeSpan? timeout = null)
    {
        bool Matches(string s, NodeStatus status) => (site is null || s == site) && match(status);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_seen.Any(x => Matches(x.Site, x.Status))) return Task.CompletedTask;
            _waiters.Add((Matches, done));
        }

        return done.Task.WaitAsync(timeout ?? TimeSpan.FromMinutes(2)).ContinueWith(t =>
        {
            if (t.IsFaulted) throw new TimeoutException($"no status '{what}' from {site ?? "any node"}; seen: {string.Join(" | ", _seen.TakeLast(12).Select(x => $"{x.Site} {x.Status.Event} r{x.Status.Round} {x.Status.Phase} {x.Status.Detail}"))}");
        }, TaskScheduler.Default);
    }

    public Task AllAsync(IEnumerable<string> sites, Func<NodeStatus, bool> match, string what, TimeSpan? timeout = null) =>
        Task.WhenAll(sites.Select(s => WaitAsync(s, match, what, timeout)));
}
