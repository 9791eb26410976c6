using FedChain.Node.Agent;

namespace FedChain.Node.Tests.Support;

/// <summary>A node held on a status line: <see cref="Reached"/> completes when it is, <see cref="Release"/> lets it go on.</summary>
internal sealed class StatusHold(Func<NodeStatus, bool> match)
{
    private readonly TaskCompletionSource<NodeStatus> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _released = new();
    private volatile bool _aborted;

    public Func<NodeStatus, bool> Match { get; } = match;

    public Task<NodeStatus> Reached => _reached.Task;

    public void Release() => _released.Set();

    /// <summary>The held line throws <see cref="OperationCanceledException"/>: call it once the node's host has stopped, so the runner ends as cancelled.</summary>
    public void Abort()
    {
        _aborted = true;
        _released.Set();
    }

    internal void Wait(NodeStatus status)
    {
        _reached.TrySetResult(status);
        _released.Wait();
        if (_aborted) throw new OperationCanceledException("the test stopped this node on a held status line");
    }
}
