namespace FedChain.Learning.Contribution;

/// <summary>One member's scores summed over the rounds it took part in, and the rewards it earned.</summary>
/// <param name="Score">Sum of its round scores, in <see cref="ScoreUnits"/> units.</param>
public sealed record MemberTotal(string Member, long Score, long Rewards, int Rounds)
{
    /// <summary>Sums per member over the rounds, in order of first appearance.</summary>
    public static IReadOnlyList<MemberTotal> Of(IEnumerable<RoundScores> rounds)
    {
        var totals = new List<MemberTotal>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var round in rounds)
        {
            for (var i = 0; i < round.Members.Count; i++)
            {
                var member = round.Members[i];
                if (!index.TryGetValue(member, out var at))
                {
                    index[member] = at = totals.Count;
                    totals.Add(new MemberTotal(member, 0, 0, 0));
                }

                var before = totals[at];
                totals[at] = before with { Score = checked(before.Score + round.Scores[i]), Rewards = checked(before.Rewards + round.Rewards[i]), Rounds = before.Rounds + 1 };
            }
        }

        return totals;
    }
}
