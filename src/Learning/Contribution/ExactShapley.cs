namespace FedChain.Learning.Contribution;

/// <summary>
/// Shapley values (Shapley 1953) over every subset:
/// phi_i = sum over S not holding i of |S|! (n - |S| - 1)! / n! * (U(S + i) - U(S)).
/// The weighted sum is kept as an exact integer and divided by n! once, so the values add up to
/// U(all) - U(none) up to that one rounding per member.
/// </summary>
public static class ExactShapley
{
    public static long[] Compute(CoalitionUtilities utilities, int members)
    {
        if (members is < 1 or > 20) throw new ArgumentOutOfRangeException(nameof(members), members, "exact Shapley needs 1 to 20 members");
        var factorial = new long[members + 1];
        factorial[0] = 1;
        for (var k = 1; k <= members; k++) factorial[k] = factorial[k - 1] * k;

        var all = Coalition.All(members).Mask;
        var scores = new long[members];
        for (var i = 0; i < members; i++)
        {
            Int128 sum = 0;
            for (var mask = 0UL; mask <= all; mask++)
            {
                var without = new Coalition(mask);
                if (without.Contains(i)) continue;
                var size = without.Count;
                sum += (Int128)(factorial[size] * factorial[members - size - 1]) * (utilities[without.With(i)] - utilities[without]);
            }

            scores[i] = ScoreUnits.Divide(sum, factorial[members]);
        }

        return scores;
    }
}
