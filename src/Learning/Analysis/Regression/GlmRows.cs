using FedChain.Learning.Analysis.Plans;

namespace FedChain.Learning.Analysis.Regression;

/// <summary>One row's share of a canonical-link GLM's deviance, score and information (McCullagh and Nelder 1989, section 2.5).</summary>
public static class GlmRows
{
    /// <summary>Mean, deviance contribution and IRLS weight at linear predictor <paramref name="eta"/>.</summary>
    public static (double Mean, double Deviance, double Weight) At(GlmFamily family, double eta, double y)
    {
        switch (family)
        {
            case GlmFamily.Binomial:
            {
                var mu = 1 / (1 + Math.Exp(-eta));
                // -2 log-likelihood of a 0/1 response: 2 (log(1 + e^eta) - y eta), softplus written stably.
                var softplus = Math.Max(eta, 0) + Math.Log(1 + Math.Exp(-Math.Abs(eta)));
                return (mu, 2 * (softplus - y * eta), mu * (1 - mu));
            }

            case GlmFamily.Poisson:
            {
                var mu = Math.Exp(eta);
                var ylogy = y > 0 ? y * (Math.Log(y) - eta) : 0;
                return (mu, 2 * (ylogy - (y - mu)), mu);
            }

            default:
                return (eta, (y - eta) * (y - eta), 1);
        }
    }

    /// <summary>The canonical link at the mean response: the intercept-only starting point.</summary>
    public static double Link(GlmFamily family, double mean) => family switch
    {
        GlmFamily.Binomial => Math.Log(mean / (1 - mean)),
        GlmFamily.Poisson => Math.Log(mean),
        _ => mean,
    };

    /// <summary>Bounds on the summed deviance, score and information of <paramref name="rows"/> rows when |eta| &lt;= <paramref name="etaBound"/> and |y| &lt;= <paramref name="yBound"/>.</summary>
    public static (double Deviance, double Score, double Information) Bounds(GlmFamily family, double rows, double etaBound, double yBound) => family switch
    {
        GlmFamily.Binomial => (rows * 2 * (etaBound + 1), rows, rows / 4),
        GlmFamily.Poisson => (rows * 2 * (yBound * (Math.Abs(Math.Log(Math.Max(yBound, 1))) + etaBound + 1) + Math.Exp(etaBound)), rows * (yBound + Math.Exp(etaBound)), rows * Math.Exp(etaBound)),
        _ => (rows * (yBound + etaBound) * (yBound + etaBound), rows * (yBound + etaBound), rows),
    };
}
