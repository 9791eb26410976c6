namespace FedChain.Node.Contributions;

/// <summary>
/// What a node writes next to result.json when a scored plan completes (state/plans/&lt;id&gt;/scores.json):
/// its scores per round, and whether the chain recorded the same vectors.
/// </summary>
/// <param name="Unit">What the scores count: always "micro" (1e6 per 1.0 of utility).</param>
/// <param name="RewardPerScore">The plan's reward units per 1.0 of net score: its pool over its training rounds (PlanTerms, PlanLimits).</param>
/// <param name="RecordedRounds">Rounds whose on-chain ScoresRecorded vector equals this node's.</param>
/// <param name="DifferentRounds">Rounds recorded with a vector other than this node's, or never recorded.</param>
public sealed record NodeScores(
    string PlanId,
    string Member,
    string Unit,
    string RewardPerScore,
    IReadOnlyList<ScoredRound> Rounds,
    IReadOnlyList<int> RecordedRounds,
    IReadOnlyList<int> DifferentRounds);
