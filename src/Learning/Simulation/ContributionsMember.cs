using FedChain.Learning.Contribution;

namespace FedChain.Learning.Simulation;

/// <summary>One member's totals in contributions.json.</summary>
/// <param name="Score">Sum of its round scores, in <see cref="ScoreUnits"/> units.</param>
/// <param name="Utility">The same total as a utility (Score / 1e9), for reading.</param>
/// <param name="ChainScore">Its net score as the ledger adds it up: micro units, each round bounded (<see cref="RewardRule"/>).</param>
/// <param name="Rewards">What the ledger's rule pays it from the plan's pool (rewardPerRound per round): nothing at a net of zero or below.</param>
public sealed record ContributionsMember(string Member, SiteBehaviour Behaviour, long Score, double Utility, long ChainScore, long Rewards, int Rounds);
