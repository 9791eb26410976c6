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

    private readonly ConcurrentBag<NodeProcess> _nodes = [];

    public void Attach(NodeProcess node)
    {
        _nodes.Add(node);
        node.Status += (n, s) => OnStatus(n.Member.Site, s);
    }

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
            if (t.IsFaulted) throw new TimeoutException($"no status '{what}' from {site ?? "any node"}; seen: {string.Join(" | ", _seen.TakeLast(12).Select(x => $"{x.Site} {x.Status.Event} r{x.Status.Round} {x.Status.Phase} {x.Status.Detail}"))}{Exits()}");
        }, TaskScheduler.Default);
    }

    /// <summary>Which watched processes have exited, with their code and the end of their log: a wait that timed out often has its reason there.</summary>
    private string Exits() => string.Concat(_nodes.Where(n => n.Exited.IsCompleted).Select(n =>
        $"\n{n.Member.Site}'s process exited with code {n.Exited.Result}; its log ends: {string.Join(" / ", LogTail(n.LogFile))}"));

    private static IEnumerable<string> LogTail(string file)
    {
        try
        {
            return File.ReadLines(file).TakeLast(5);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return [$"(log unreadable: {e.Message})"];
        }
    }

    public Task AllAsync(IEnumerable<string> sites, Func<NodeStatus, bool> match, string what, TimeSpan? timeout = null) =>
        Task.WhenAll(sites.Select(s => WaitAsync(s, match, what, timeout)));
}
