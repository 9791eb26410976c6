namespace FedChain.Learning.Analysis.Plans;

/// <summary>A generalised linear model's family, each with its canonical link (McCullagh and Nelder 1989).</summary>
public enum GlmFamily
{
    /// <summary>Logistic regression: binomial, logit link.</summary>
    Binomial,
    /// <summary>Linear regression: Gaussian, identity link; p-values from Student's t as R's summary.glm.</summary>
    Gaussian,
    /// <summary>Poisson regression: log link.</summary>
    Poisson,
}
