using System.Numerics;
using FedChain.Contracts.Events;
using FedChain.Node.Agent;
using Spectre.Console;

namespace FedChain.Node.Demo;

public sealed partial class DemoRun
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Waits until every node has sent a status matching <paramref name="reached"/>; fails if one exits first.</summary>
    private static async Task WaitAllAsync(IReadOnlyList<NodeProcess> nodes, LiveBoard board, Func<NodeStatus, bool> reached, string what, CancellationToken ct)
    {
        var seen = nodes.ToDictionary(n => n, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        foreach (var node in nodes) node.Status += (n, s) => { if (reached(s)) seen[n].TrySetResult(); };
        var all = Task.WhenAll(seen.Values.Select(t => t.Task));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StepTimeout);
        while (!all.IsCompleted)
        {
            if (nodes.FirstOrDefault(n => n.Exited.IsCompleted && !seen[n].Task.IsCompleted) is { } gone)
                throw new InvalidOperationException($"{gone.Member.Site}'s node exited with code {gone.Exited.Result} before it was {what}; see {gone.LogFile}");
            await board.NextAsync(timeout.Token);
        }
    }

    /// <summary>Shows the live view until every node is done; any node error or early exit fails the demo.</summary>
    private async Task WatchAsync(IReadOnlyList<NodeProcess> nodes, LiveBoard board, int rounds, CancellationToken ct)
    {
        string? failure = null;
        foreach (var node in nodes) node.Status += (n, s) => { if (s.Event == "error") failure ??= $"{n.Member.Site}: {s.Detail}"; };
        var exits = Task.WhenAll(nodes.Select(n => n.Exited));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StepTimeout * 3);

        async Task Loop(Action refresh)
        {
            while (!exits.IsCompleted && failure is null)
            {
                await board.NextAsync(timeout.Token);
                refresh();
            }
        }

        if (console.Profile.Capabilities.Interactive)
        {
            await console.Live(board.Render()).StartAsync(async live => await Loop(() => live.UpdateTarget(board.Render())));
        }
        else
        {
            var printed = 0;
            await Loop(() =>
            {
                for (; printed < board.CompletedRound; printed++) console.WriteLine(board.Line(printed + 1));
            });
        }

        if (failure is not null) throw new InvalidOperationException($"a node failed: {failure}");
        foreach (var node in nodes)
        {
            var code = await node.Exited;
            if (code != 0) throw new InvalidOperationException($"{node.Member.Site}'s node exited with code {code}; see {node.LogFile}");
        }

        console.Write(board.Render());
    }

    /// <summary>Waits for the chain to finalise the last round's aggregate (the nodes' standalone votes).</summary>
    private static async Task<LedgerState> FinalisedAsync(LocalConsortium consortium, BigInteger planId, int rounds, CancellationToken ct)
    {
        var reader = new ChainEventReader(consortium.Deployer, consortium.Addresses);
        var state = new LedgerState();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        while (true)
        {
            await state.CatchUpAsync(reader, consortium.Addresses.DeploymentBlock, timeout.Token);
            var plan = state.Plans[planId];
            if (plan.Rounds.Count == rounds + 1 && plan.Rounds[^1].FinalAggregate is not null) return state;
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }
}
