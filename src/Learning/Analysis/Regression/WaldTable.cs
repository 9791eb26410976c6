using FedChain.Learning.Analysis.Maths;
using FedChain.Learning.Analysis.Results;

namespace FedChain.Learning.Analysis.Regression;

/// <summary>Coefficients with standard errors, Wald statistics, p-values and confidence intervals, from estimates and their covariance.</summary>
public static class WaldTable
{
    /// <param name="df">Residual degrees of freedom for Student's t (Gaussian GLM); null for the normal.</param>
    public static IReadOnlyList<Coefficient> Of(IReadOnlyList<string> names, double[] beta, double[,] covariance, double confidence, double? df)
    {
        var q = df is { } d ? Distributions.StudentQuantile(1 - (1 - confidence) / 2, d) : Distributions.NormalQuantile(1 - (1 - confidence) / 2);
        return [.. names.Select((name, j) =>
        {
            var se = Math.Sqrt(covariance[j, j]);
            var z = beta[j] / se;
            var p = df is { } d2 ? Distributions.StudentTwoSided(z, d2) : Distributions.NormalTwoSided(z);
            return new Coefficient(name, beta[j], se, z, p, beta[j] - q * se, beta[j] + q * se);
        })];
    }
}
