using MathNet.Numerics;

namespace FedChain.Learning.Privacy.Accounting;

/// <summary>
/// Rényi DP of one step of the Poisson-sampled Gaussian mechanism with L2 sensitivity 1
/// (Mironov, Talwar and Zhang 2019, "Rényi Differential Privacy of the Sampled Gaussian Mechanism").
/// </summary>
public static class SampledGaussianRdp
{
    // The fractional-order series stops once both new terms fall below e^-30, as in the reference accountants.
    private const double NegligibleLogTerm = -30;

    /// <summary>The RDP at <paramref name="order"/> of one step with sample rate q and noise multiplier sigma.</summary>
    public static double Compute(double sampleRate, double noiseMultiplier, double order)
    {
        Validate(sampleRate, noiseMultiplier, order);
        if (sampleRate == 0) return 0;
        if (noiseMultiplier == 0) return double.PositiveInfinity;
        // Without subsampling it is the plain Gaussian mechanism: a / (2 sigma^2) (Mironov 2017, the Gaussian mechanism).
        if (sampleRate == 1) return order / (2 * noiseMultiplier * noiseMultiplier);
        if (double.IsPositiveInfinity(order)) return double.PositiveInfinity;
        var logA = double.IsInteger(order)
            ? LogAIntegerOrder(sampleRate, noiseMultiplier, (int)order)
            : LogAFractionalOrder(sampleRate, noiseMultiplier, order);
        return logA / (order - 1);
    }

    /// <summary>The RDP of one step at each of <paramref name="orders"/>.</summary>
    public static double[] Compute(double sampleRate, double noiseMultiplier, IReadOnlyList<double> orders)
    {
        var rdp = new double[orders.Count];
        for (var i = 0; i < rdp.Length; i++) rdp[i] = Compute(sampleRate, noiseMultiplier, orders[i]);
        return rdp;
    }

    // A_a = sum_i C(a,i) q^i (1-q)^(a-i) exp((i^2 - i) / (2 sigma^2)) for integer a (MTZ 2019, §3.3).
    private static double LogAIntegerOrder(double q, double sigma, int order)
    {
        var logA = double.NegativeInfinity;
        for (var i = 0; i <= order; i++)
        {
            var logTerm = SpecialFunctions.BinomialLn(order, i) + i * Math.Log(q) + (order - i) * Math.Log(1 - q)
                + (i * (double)i - i) / (2 * sigma * sigma);
            logA = LogSpace.Add(logA, logTerm);
        }
        return logA;
    }

    // For fractional a, A_a splits into integrals over (-inf, z0] and [z0, inf) at the point z0 where
    // the two mixture components cross; each is an alternating binomial series of Gaussian tails
    // (MTZ 2019, §3.3, the equations for A_a with fractional a).
    private static double LogAFractionalOrder(double q, double sigma, double order)
    {
        double logA0 = double.NegativeInfinity, logA1 = double.NegativeInfinity;
        var z0 = sigma * sigma * Math.Log(1 / q - 1) + 0.5;
        var coefficient = 1.0; // C(order, i), built up term by term
        for (var i = 0; ; i++)
        {
            var j = order - i;
            var logCoefficient = Math.Log(Math.Abs(coefficient));
            var logT0 = logCoefficient + i * Math.Log(q) + j * Math.Log(1 - q);
            var logT1 = logCoefficient + j * Math.Log(q) + i * Math.Log(1 - q);
            var logE0 = Math.Log(0.5) + LogSpace.Erfc((i - z0) / (Math.Sqrt(2) * sigma));
            var logE1 = Math.Log(0.5) + LogSpace.Erfc((z0 - j) / (Math.Sqrt(2) * sigma));
            var logS0 = logT0 + (i * (double)i - i) / (2 * sigma * sigma) + logE0;
            var logS1 = logT1 + (j * j - j) / (2 * sigma * sigma) + logE1;
            if (coefficient > 0)
            {
                logA0 = LogSpace.Add(logA0, logS0);
                logA1 = LogSpace.Add(logA1, logS1);
            }
            else
            {
                logA0 = LogSpace.Subtract(logA0, logS0);
                logA1 = LogSpace.Subtract(logA1, logS1);
            }
            if (Math.Max(logS0, logS1) < NegligibleLogTerm) break;
            coefficient *= (order - i) / (i + 1);
        }
        return LogSpace.Add(logA0, logA1);
    }

    private static void Validate(double sampleRate, double noiseMultiplier, double order)
    {
        if (!(sampleRate is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sample rate must lie in [0, 1]");
        if (!(noiseMultiplier >= 0) || double.IsPositiveInfinity(noiseMultiplier))
            throw new ArgumentOutOfRangeException(nameof(noiseMultiplier), noiseMultiplier, "noise multiplier must be finite and >= 0");
        if (!(order > 1))
            throw new ArgumentOutOfRangeException(nameof(order), order, "Rényi order must be > 1");
    }
}
