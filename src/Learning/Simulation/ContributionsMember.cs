using FedChain.Learning.Contribution;

namespace FedChain.Learning.Simulation;

/// <summary>One member's totals in contributions.json.</summary>
/// <param name="Score">Sum of its round scores, in <see cref="ScoreUnits"/> units.</param>
/// <param name="Utility">The same total as a utility (Score / 1e9), for reading.</param>
public sealed record ContributionsMember(string Member, SiteBehaviour Behaviour, long Score, double Utility, long Rewards, int Rounds);
