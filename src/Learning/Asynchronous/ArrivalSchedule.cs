namespace FedChain.Learning.Asynchronous;

/// <summary>
/// Which site's update lands in which aggregation step: window w (1-based) holds its arrivals in chain
/// order. A synchronous plan is the schedule where every site lands fresh in every round; an
/// asynchronous plan's comes from the chain (a node run) or from <see cref="SimulatedArrivals"/>.
/// </summary>
public sealed record ArrivalSchedule(IReadOnlyList<IReadOnlyList<Arrival>> Windows)
{
    /// <summary>Every site in every round, trained from the round before.</summary>
    public static ArrivalSchedule Synchronous(IReadOnlyList<string> sites, int rounds) =>
        new([.. Enumerable.Range(1, rounds).Select(r => (IReadOnlyList<Arrival>)[.. sites.Select(s => new Arrival(s, r))])]);

    /// <summary>Throws saying what is wrong when the schedule cannot be replayed: unknown sites, a site twice in a window, an update from the future or staler than allowed, a site's rounds not ascending.</summary>
    public ArrivalSchedule Validate(IReadOnlyCollection<string> sites, int rounds, int maxStaleness)
    {
        if (Windows.Count != rounds) throw new ArgumentException($"arrival schedule has {Windows.Count} windows; the plan has {rounds} rounds");
        var last = new Dictionary<string, int>();
        for (var w = 1; w <= Windows.Count; w++)
        {
            var seen = new HashSet<string>();
            foreach (var arrival in Windows[w - 1])
            {
                if (!sites.Contains(arrival.Site)) throw new ArgumentException($"arrival schedule window {w}: unknown site '{arrival.Site}'");
                if (!seen.Add(arrival.Site)) throw new ArgumentException($"arrival schedule window {w}: site '{arrival.Site}' arrives twice");
                var staleness = arrival.Staleness(w);
                if (staleness < 0 || staleness > maxStaleness) throw new ArgumentException($"arrival schedule window {w}: site '{arrival.Site}' trained for round {arrival.TrainedRound}, staleness {staleness} outside 0..{maxStaleness}");
                if (last.TryGetValue(arrival.Site, out var before) && arrival.TrainedRound <= before) throw new ArgumentException($"arrival schedule window {w}: site '{arrival.Site}' trained for round {arrival.TrainedRound} after round {before}");
                last[arrival.Site] = arrival.TrainedRound;
            }
        }

        return this;
    }
}
