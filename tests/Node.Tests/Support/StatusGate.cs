using System.Collections.Concurrent;
using System.Text;
using FedChain.Node.Agent;

namespace FedChain.Node.Tests.Support;

/// <summary>
/// Where an in-process node writes its status lines: keeps every line, lets a test await one, and can
/// hold the node on a line (the line is written from the plan runner's own thread, so the runner stops
/// right there) until the test releases it or aborts it, which makes the runner stop as a crash there would.
/// </summary>
internal sealed class StatusGate : TextWriter
{
    private readonly ConcurrentQueue<NodeStatus> _lines = new();
    private readonly List<(Func<NodeStatus, bool> Match, TaskCompletionSource<NodeStatus> Seen)> _waiters = [];
    private readonly List<StatusHold> _holds = [];
    private readonly Lock _lock = new();

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyCollection<NodeStatus> Lines => _lines;

    /// <summary>Holds the node on the first line that matches <paramref name="match"/>.</summary>
    public StatusHold HoldAt(Func<NodeStatus, bool> match)
    {
        var hold = new StatusHold(match);
        lock (_lock) _holds.Add(hold);
        return hold;
    }

    /// <summary>The first line, seen or to come, that matches.</summary>
    public Task<NodeStatus> WaitAsync(Func<NodeStatus, bool> match, CancellationToken ct)
    {
        var seen = new TaskCompletionSource<NodeStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_lines.FirstOrDefault(match) is { } line) return Task.FromResult(line);
            _waiters.Add((match, seen));
        }

        return seen.Task.WaitAsync(ct);
    }

    public override void WriteLine(string? value)
    {
        if (value is null || StatusReporter.Parse(value) is not { } status) return;
        StatusHold? hold;
        lock (_lock)
        {
            _lines.Enqueue(status);
            foreach (var waiter in _waiters.Where(w => w.Match(status)).ToList())
            {
                waiter.Seen.TrySetResult(status);
                _waiters.Remove(waiter);
            }

            hold = _holds.FirstOrDefault(h => h.Match(status));
            if (hold is not null) _holds.Remove(hold);
        }

        hold?.Wait(status);
    }

    // StatusReporter writes whole lines only.
    public override void Write(char value) => throw new NotSupportedException("status lines are written whole");
}
