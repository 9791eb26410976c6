using System.Collections.Concurrent;
using System.Globalization;
using FedChain.Node.Agent;
using Spectre.Console;

namespace FedChain.Node.Demo;

/// <summary>The demo's live view: one line per node with its round, phase and last metrics.</summary>
/// <param name="metric">The name of the task's headline metric (<see cref="Learning.Metrics.MetricSet.Headline"/>).</param>
public sealed class LiveBoard(IReadOnlyList<ConsortiumMember> members, int rounds, string metric = "accuracy")
{
    private readonly ConcurrentDictionary<string, NodeStatus> _last = new();
    private readonly ConcurrentDictionary<string, NodeStatus> _lastRound = new();
    private readonly SemaphoreSlim _changed = new(0);

    public void Update(NodeStatus status)
    {
        _last[status.Site] = status;
        if (status.Event == "round") _lastRound[status.Site] = status;
        _changed.Release();
    }

    /// <summary>Waits for the next status (or a second), so a view can redraw.</summary>
    public Task NextAsync(CancellationToken ct) => _changed.WaitAsync(TimeSpan.FromSeconds(1), ct);

    /// <summary>The last round every node has aggregated (-1 before).</summary>
    public int CompletedRound => members.Min(m => _lastRound.TryGetValue(m.Site, out var s) ? s.Round ?? -1 : -1);

    /// <summary>One plain line for a completed round: for logs and pipes, where a live table cannot redraw.</summary>
    public string Line(int round)
    {
        var statuses = members.Select(m => _lastRound.GetValueOrDefault(m.Site)).Where(s => s is not null).ToList();
        var hashes = statuses.Select(s => s!.ModelHash).Distinct().Count();
        var headline = statuses.Select(s => s!.Metrics?.Headline).Where(a => a is not null).Select(a => a!.Value).DefaultIfEmpty(double.NaN).Average();
        return string.Create(CultureInfo.InvariantCulture,
            $"round {round}/{rounds}: mean test {metric} {headline:F3}, {(hashes == 1 ? "one model hash on every node" : $"{hashes} different model hashes")}");
    }

    public Table Render()
    {
        var table = new Table().AddColumns("institution", "address", "round", "phase", metric, "AUC", "model hash");
        foreach (var member in members)
        {
            _last.TryGetValue(member.Site, out var last);
            _lastRound.TryGetValue(member.Site, out var round);
            var metrics = round?.Metrics;
            table.AddRow(
                member.Site,
                member.Address[..10] + "…",
                round?.Round is { } r ? $"{r}/{rounds}" : "-",
                Markup.Escape(last is null ? "starting" : last.Event == "round" ? "aggregated" : last.Phase ?? last.Event),
                Format(metrics?.Headline),
                Format(metrics?.RocAuc),
                (round?.ModelHash ?? "")[..Math.Min(12, round?.ModelHash?.Length ?? 0)]);
        }

        return table;
    }

    private static string Format(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "-";
}
