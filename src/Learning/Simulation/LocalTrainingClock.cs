namespace FedChain.Learning.Simulation;

/// <summary>
/// Times each site's local training step in a simulation, so scoring's cost can be set against the
/// round's training (scoring's cost target: at most as much time as local training).
/// </summary>
public sealed class LocalTrainingClock(TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Dictionary<(int Round, string Site), TimeSpan> _elapsed = [];

    /// <summary>The same sites, each with its client wrapped in this clock.</summary>
    public IReadOnlyList<SimulatedSite> Wrap(IReadOnlyList<SimulatedSite> sites) => [.. sites.Select(s => s with { Client = Timed(s.Name, s.ClientOrHonest) })];

    /// <summary>How long <paramref name="site"/> trained in <paramref name="round"/>.</summary>
    public TimeSpan this[int round, string site] => _elapsed.TryGetValue((round, site), out var elapsed)
        ? elapsed
        : throw new KeyNotFoundException($"site '{site}' did not train in round {round}");

    private SiteClient Timed(string site, SiteClient inner) => (plan, global, control, train, round, state) =>
    {
        var start = _time.GetTimestamp();
        var update = inner(plan, global, control, train, round, state);
        _elapsed[(round, site)] = _time.GetElapsedTime(start);
        return update;
    };
}
