namespace FedChain.Learning.Asynchronous;

/// <summary>
/// The arrival schedule a consortium of nodes would produce on a virtual clock, for <c>fedchain simulate</c>:
/// each site trains for its own time (1, or a slow site's factor), commits into the open window, waits
/// for that window to close and trains again from its aggregate, as a node's round loop does. A window
/// closes at its K-th commit, or when every site has committed to it (as the chain closes it); an
/// update staler than the plan allows is dropped and the site trains again from the newest model.
/// Ties are broken by site order, so the schedule is the same on every run.
/// </summary>
public static class SimulatedArrivals
{
    /// <param name="trainingTime">Each site's training time on the virtual clock, in <paramref name="sites"/>' order.</param>
    public static ArrivalSchedule Schedule(IReadOnlyList<string> sites, IReadOnlyList<double> trainingTime, int rounds, AsynchronousSettings settings)
    {
        if (trainingTime.Count != sites.Count) throw new ArgumentException($"{trainingTime.Count} training times for {sites.Count} sites", nameof(trainingTime));
        if (trainingTime.Any(t => !(t > 0) || !double.IsFinite(t))) throw new ArgumentException("every site's training time must be a positive number", nameof(trainingTime));

        var buffer = Math.Min(settings.BufferSize, sites.Count);
        var windows = new List<IReadOnlyList<Arrival>>();
        var open = new List<Arrival>();
        var waiting = new List<int>();
        var trainedFor = Enumerable.Repeat(1, sites.Count).ToArray();
        var finishes = trainingTime.ToArray();
        var idle = new bool[sites.Count];
        while (windows.Count < rounds)
        {
            var next = Enumerable.Range(0, sites.Count).Where(s => !idle[s]).MinBy(s => (finishes[s], s));
            var now = finishes[next];
            var window = windows.Count + 1;
            if (window - trainedFor[next] > settings.MaxStaleness)
            {
                (trainedFor[next], finishes[next]) = (window, now + trainingTime[next]);
                continue;
            }

            open.Add(new Arrival(sites[next], trainedFor[next]));
            waiting.Add(next);
            idle[next] = true;
            if (open.Count < buffer) continue;

            windows.Add([.. open]);
            open.Clear();
            foreach (var s in waiting) (trainedFor[s], finishes[s], idle[s]) = (windows.Count + 1, now + trainingTime[s], false);
            waiting.Clear();
        }

        return new ArrivalSchedule(windows);
    }

    /// <summary>Training times with every site at 1 and <paramref name="slowSite"/> (if any) at <paramref name="factor"/>.</summary>
    public static IReadOnlyList<double> TrainingTimes(IReadOnlyList<string> sites, string? slowSite, double factor)
    {
        if (slowSite is not null && !sites.Contains(slowSite)) throw new ArgumentException($"slow site '{slowSite}' is not one of the sites ({string.Join(", ", sites)})", nameof(slowSite));
        return [.. sites.Select(s => s == slowSite ? factor : 1.0)];
    }
}
