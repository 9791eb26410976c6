namespace FedChain.Learning.Privacy.Accounting;

/// <summary>Turns a Rényi-DP curve into the tightest (epsilon, delta) guarantee over its orders.</summary>
public static class RdpConversion
{
    /// <summary>The smallest epsilon over <paramref name="orders"/> for the given delta.</summary>
    public static PrivacySpent ToEpsilon(
        IReadOnlyList<double> orders, IReadOnlyList<double> rdp, double delta, EpsilonConversion conversion = EpsilonConversion.Improved)
    {
        if (orders.Count != rdp.Count || orders.Count == 0)
            throw new ArgumentException($"need one RDP value per order, got {orders.Count} orders and {rdp.Count} values", nameof(rdp));
        if (!(delta is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "delta must lie in (0, 1)");

        var best = new PrivacySpent(double.PositiveInfinity, delta, double.NaN);
        for (var i = 0; i < orders.Count; i++)
        {
            var (order, r) = (orders[i], rdp[i]);
            if (!(order > 1)) throw new ArgumentOutOfRangeException(nameof(orders), order, $"Rényi order #{i} must be > 1");
            if (!(r >= 0)) throw new ArgumentOutOfRangeException(nameof(rdp), r, $"RDP at order {order} must be >= 0");
            var epsilon = conversion switch
            {
                EpsilonConversion.Classic => r - Math.Log(delta) / (order - 1),
                EpsilonConversion.Improved => Improved(order, r, delta),
                _ => throw new ArgumentOutOfRangeException(nameof(conversion), conversion, "unknown conversion"),
            };
            if (epsilon < best.Epsilon) best = new PrivacySpent(epsilon, delta, order);
        }
        return best with { Epsilon = Math.Max(0, best.Epsilon) };
    }

    // Balle et al. 2020, Theorem 21; the same rule as the reference accountants, including their
    // two guards: tiny RDP already gives delta through the KL bound (Pinsker), and near a = 1 the
    // formula is numerically unstable and never the tightest anyway.
    private static double Improved(double order, double rdp, double delta)
    {
        if (delta * delta + LogSpace.Expm1(-rdp) > 0) return 0;
        if (order <= 1.01) return double.PositiveInfinity;
        return rdp + Math.Log(1 - 1 / order) - Math.Log(delta * order) / (order - 1);
    }
}
