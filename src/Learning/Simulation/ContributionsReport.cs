using FedChain.Learning.Contribution;
using FedChain.Learning.Plans;

namespace FedChain.Learning.Simulation;

/// <summary>
/// contributions.json: per-member scores per round and in total, and the rewards the ledger's rule pays
/// for them (net contribution over the plan, <see cref="RewardRule"/>). Scores are int64 in
/// <see cref="ScoreUnits"/> units (1e-9 of utility), chain scores in the ledger's micro units; each round
/// carries the SHA-256 of its canonical score vector (<see cref="RoundScores.CanonicalBytes"/>).
/// </summary>
public sealed record ContributionsReport(
    string PlanHash,
    ContributionMethod Method,
    UtilityMetric Metric,
    long RewardPerRound,
    IReadOnlyList<ContributionsMember> Totals,
    IReadOnlyList<ContributionsRound> Rounds,
    ScoringCost? Cost)
{
    public static ContributionsReport Of(TrainingPlan plan, IReadOnlyList<SimulatedSite> sites, IReadOnlyList<RoundContribution> rounds, ScoringCost? cost)
    {
        var settings = plan.Contribution ?? throw new ArgumentException("the plan has no contribution section", nameof(plan));
        var behaviour = sites.ToDictionary(s => s.Name, s => s.Behaviour, StringComparer.Ordinal);
        var totals = MemberTotal.Of([.. rounds.Select(r => r.Scores)], settings.RewardPerRound)
            .Select(t => new ContributionsMember(t.Member, behaviour[t.Member], t.Score, ScoreUnits.ToDouble(t.Score), t.ChainScore, (long)t.Rewards, t.Rounds))
            .ToArray();
        var perRound = rounds.Select(r => new ContributionsRound(
            r.Scores.Round, r.Scores.Hash(), r.Scores.UtilityOfNone, r.Scores.UtilityOfAll, r.Scores.Members, r.Scores.Scores, RewardRule.ChainScores(r.Scores.Scores), r.Scores.Excluded)).ToArray();
        return new ContributionsReport(plan.Hash, settings.Method, settings.Metric, settings.RewardPerRound, totals, perRound, cost);
    }
}
