using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace FedChain.Learning.Analysis.Maths;

/// <summary>Tail probabilities and quantiles for Wald and chi-squared tests, from the regularised incomplete gamma and beta functions (no 1 - CDF cancellation in the tails).</summary>
public static class Distributions
{
    /// <summary>P(|Z| &gt; |z|) for a standard normal Z: erfc(|z| / sqrt 2).</summary>
    public static double NormalTwoSided(double z) => SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));

    /// <summary>P(|T| &gt; |t|) for Student's t with <paramref name="df"/> degrees of freedom: I_{df/(df+t^2)}(df/2, 1/2).</summary>
    public static double StudentTwoSided(double t, double df) => SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + t * t));

    /// <summary>P(X &gt; x) for chi-squared with <paramref name="df"/> degrees of freedom: Q(df/2, x/2).</summary>
    public static double ChiSquaredUpper(double x, int df) => x <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(df / 2.0, x / 2);

    /// <summary>The standard normal quantile.</summary>
    public static double NormalQuantile(double p) => Normal.InvCDF(0, 1, p);

    /// <summary>Student's t quantile.</summary>
    public static double StudentQuantile(double p, double df) => StudentT.InvCDF(0, 1, df, p);
}
