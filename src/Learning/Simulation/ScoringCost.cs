namespace FedChain.Learning.Simulation;

/// <summary>
/// What scoring adds to one node's round, averaged over the rounds and the honest sites, next to
/// that node's local training time. Wall-clock figures of one machine: for reading, never asserting.
/// </summary>
/// <param name="Members">Participants per round.</param>
/// <param name="Subsets">Subset models built and evaluated per round.</param>
/// <param name="BuildMs">Building every subset model.</param>
/// <param name="EvaluateMs">The node evaluating them on its own validation rows.</param>
/// <param name="ScoreMs">Combining the reports and computing scores and rewards.</param>
/// <param name="TrainMs">The node's local training step.</param>
public sealed record ScoringCost(int Members, int Subsets, double BuildMs, double EvaluateMs, double ScoreMs, double TrainMs)
{
    public double ScoringMs => BuildMs + EvaluateMs + ScoreMs;

    /// <summary>Scoring time over training time: at most 1 meets scoring's cost target (docs/contribution.md).</summary>
    public double Ratio => ScoringMs / TrainMs;

    public static ScoringCost Of(IReadOnlyList<RoundContribution> rounds, IReadOnlyList<SimulatedSite> sites, LocalTrainingClock clock)
    {
        if (rounds.Count == 0) throw new ArgumentException("no scored rounds to cost", nameof(rounds));
        var honest = sites.Select((s, i) => (s, i)).Where(x => x.s.Behaviour == SiteBehaviour.Honest).ToArray();
        if (honest.Length == 0) honest = [.. sites.Select((s, i) => (s, i))];
        double Mean(Func<RoundContribution, (SimulatedSite Site, int Index), double> f) => rounds.Average(r => honest.Average(h => f(r, h)));
        return new ScoringCost(
            sites.Count,
            rounds[0].ScheduledSubsets,
            rounds.Average(r => r.BuildModels.TotalMilliseconds),
            Mean((r, h) => r.Evaluate[h.Index].TotalMilliseconds),
            rounds.Average(r => r.Score.TotalMilliseconds),
            Mean((r, h) => clock[r.Scores.Round, h.Site.Name].TotalMilliseconds));
    }
}
