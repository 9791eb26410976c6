using FedChain.Learning.Contribution;

namespace FedChain.Learning.Simulation;

/// <summary>One round in contributions.json; scores and rewards in roster order.</summary>
/// <param name="ScoresHash">SHA-256 of the round's canonical score vector.</param>
public sealed record ContributionsRound(
    int Round,
    string ScoresHash,
    long? UtilityOfNone,
    long? UtilityOfAll,
    IReadOnlyList<string> Members,
    IReadOnlyList<long> Scores,
    IReadOnlyList<long> Rewards,
    IReadOnlyList<ExcludedReport> Excluded);
