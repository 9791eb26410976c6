using FedChain.Learning.Contribution;

namespace FedChain.Learning.Tests.Contribution;

/// <summary>Utility games for the scoring tests, in <see cref="ScoreUnits"/> units.</summary>
internal static class Games
{
    public static CoalitionUtilities Of(int members, Func<Coalition, double> utility)
    {
        var values = new Dictionary<Coalition, long>();
        for (var mask = 0UL; mask <= Coalition.All(members).Mask; mask++) values[new Coalition(mask)] = ScoreUnits.FromDouble(utility(new Coalition(mask)));
        return new CoalitionUtilities(values);
    }

    /// <summary>U(S) = sum of the members' own values: every member's Shapley value is its own value.</summary>
    public static CoalitionUtilities Additive(params double[] values) => Of(values.Length, s => s.Members().Sum(i => values[i]));

    /// <summary>
    /// A seeded game shaped like federated utilities: diminishing returns in the coalition's data
    /// (U = base + gain * (1 - exp(-weight / scale))), one member that hurts, and small pair effects.
    /// </summary>
    public static CoalitionUtilities Saturating(int members, int seed)
    {
        var random = new Random(seed);
        var weights = Enumerable.Range(0, members).Select(_ => 0.2 + random.NextDouble()).ToArray();
        var harm = random.Next(members);
        var pairs = new double[members, members];
        for (var i = 0; i < members; i++) for (var j = i + 1; j < members; j++) pairs[i, j] = (random.NextDouble() - 0.5) * 0.01;
        return Of(members, s =>
        {
            var weight = s.Members().Where(i => i != harm).Sum(i => weights[i]);
            var value = 0.7 + 0.15 * (1 - Math.Exp(-weight / 1.5)) - (s.Contains(harm) ? 0.03 : 0);
            foreach (var i in s.Members()) foreach (var j in s.Members()) if (i < j) value += pairs[i, j];
            return value;
        });
    }
}
