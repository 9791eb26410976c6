using FedChain.Learning.Contribution;

namespace FedChain.Learning.Simulation;

/// <summary>One round in contributions.json; scores in roster order.</summary>
/// <param name="ScoresHash">SHA-256 of the round's canonical score vector.</param>
/// <param name="ChainScores">The round's scores as the ledger records them: micro units, bounded (<see cref="RewardRule.ChainScores"/>).</param>
public sealed record ContributionsRound(
    int Round,
    string ScoresHash,
    long? UtilityOfNone,
    long? UtilityOfAll,
    IReadOnlyList<string> Members,
    IReadOnlyList<long> Scores,
    IReadOnlyList<long> ChainScores,
    IReadOnlyList<ExcludedReport> Excluded);
