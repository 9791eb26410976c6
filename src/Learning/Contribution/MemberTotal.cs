using System.Numerics;

namespace FedChain.Learning.Contribution;

/// <summary>One member's scores over the rounds it took part in, and what the ledger's rule pays it for them.</summary>
/// <param name="Score">Sum of its round scores, in <see cref="ScoreUnits"/> units.</param>
/// <param name="ChainScore">Its net score in the ledger's micro units: the sum of its bounded round scores (<see cref="RewardRule.ChainScores"/>).</param>
/// <param name="Rewards">What the plan pays it when it settles (<see cref="RewardRule.Payout"/>): nothing for a net at or below zero.</param>
public sealed record MemberTotal(string Member, long Score, long ChainScore, BigInteger Rewards, int Rounds)
{
    /// <summary>
    /// Totals per member over the rounds, in order of first appearance, paid from a pool of
    /// <paramref name="rewardPerRound"/> per round as the ledger pays a plan's pool.
    /// </summary>
    public static IReadOnlyList<MemberTotal> Of(IReadOnlyList<RoundScores> rounds, long rewardPerRound)
    {
        var chain = rounds.Select(r => ((IReadOnlyList<string>)r.Members, (IReadOnlyList<long>)RewardRule.ChainScores(r.Scores))).ToList();
        var pool = (BigInteger)rewardPerRound * rounds.Count;
        var engine = RewardRule.NetScores(rounds.Select(r => ((IReadOnlyList<string>)r.Members, r.Scores))).ToDictionary(n => n.Member, n => n.Net, StringComparer.Ordinal);
        var counts = rounds.SelectMany(r => r.Members).GroupBy(m => m, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return [.. RewardRule.NetScores(chain).Select(n => new MemberTotal(n.Member, engine[n.Member], n.Net, RewardRule.Payout(n.Net, pool, rounds.Count), counts[n.Member]))];
    }
}
