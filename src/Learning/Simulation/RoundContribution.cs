using FedChain.Learning.Contribution;

namespace FedChain.Learning.Simulation;

/// <summary>One simulated round's scoring: every member's utility report, the scores, and what it cost.</summary>
/// <param name="BuildModels">Building every scheduled subset model (each node does this once).</param>
/// <param name="Evaluate">Each member's evaluation of those models on its validation rows, in site order.</param>
/// <param name="Score">Combining the reports and computing the scores.</param>
public sealed record RoundContribution(
    RoundScores Scores,
    IReadOnlyList<UtilityReport> Reports,
    int ScheduledSubsets,
    TimeSpan BuildModels,
    IReadOnlyList<TimeSpan> Evaluate,
    TimeSpan Score)
{
    /// <summary>What scoring adds to one node's round: build the models, evaluate its own share, score.</summary>
    public TimeSpan PerNode(int site) => BuildModels + Evaluate[site] + Score;
}
