namespace FedChain.Learning.Privacy.Accounting;

/// <summary>Finds the smallest noise multiplier whose sampled Gaussian run stays within a target epsilon.</summary>
public static class NoiseMultiplierSearch
{
    private const double LargestNoiseMultiplier = 1e4;

    /// <summary>
    /// The smallest sigma (to a relative precision of <paramref name="relativeTolerance"/>) with
    /// epsilon(q, sigma, steps, delta) &lt;= <paramref name="targetEpsilon"/>. The answer always meets
    /// the target: bisection keeps the upper end, which satisfies it.
    /// </summary>
    public static double ForTargetEpsilon(
        double targetEpsilon, double sampleRate, long steps, double delta,
        EpsilonConversion conversion = EpsilonConversion.Improved, double relativeTolerance = 1e-4,
        IReadOnlyList<double>? orders = null)
    {
        if (!(targetEpsilon > 0) || double.IsPositiveInfinity(targetEpsilon))
            throw new ArgumentOutOfRangeException(nameof(targetEpsilon), targetEpsilon, "target epsilon must be finite and > 0");
        if (!(sampleRate is > 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sample rate must lie in (0, 1]");
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (!(relativeTolerance is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(relativeTolerance), relativeTolerance, "relative tolerance must lie in (0, 1)");

        double Epsilon(double sigma) => RdpAccountant.Epsilon(sampleRate, sigma, steps, delta, conversion, orders);

        double low = 0, high = 1;
        while (Epsilon(high) > targetEpsilon)
        {
            (low, high) = (high, high * 2);
            if (high > LargestNoiseMultiplier)
                throw new ArgumentOutOfRangeException(nameof(targetEpsilon), targetEpsilon,
                    $"no noise multiplier up to {LargestNoiseMultiplier} reaches epsilon {targetEpsilon} at delta {delta} over {steps} steps");
        }
        while (high - low > relativeTolerance * high)
        {
            var middle = (low + high) / 2;
            if (Epsilon(middle) > targetEpsilon) low = middle;
            else high = middle;
        }
        return high;
    }
}
