namespace FedChain.Learning.Analysis.Plans;

/// <summary>
/// Gaussian noise on released counts: (epsilon, delta)-DP per analysis with sensitivity 1 (one
/// patient changes one cell of a histogram or table by 1). sigma = sqrt(2 ln(1.25 / delta)) / epsilon,
/// the classic Gaussian mechanism (Dwork and Roth 2014, theorem A.1; valid for epsilon &lt; 1). Each
/// of the m sites adds N(0, sigma^2 / m) from its own secret noise, so the sum carries N(0, sigma^2)
/// and no member, not even the site, knows the total noise.
/// </summary>
public sealed record DpRelease(double Epsilon, double Delta = 1e-6)
{
    public double Sigma => Math.Sqrt(2 * Math.Log(1.25 / Delta)) / Epsilon;

    public void Validate(string where)
    {
        if (Epsilon is <= 0 or >= 1) throw new AnalysisPlanException($"{where}: dp.epsilon must be in (0, 1) for the Gaussian mechanism, got {Epsilon}");
        if (Delta is <= 0 or >= 1) throw new AnalysisPlanException($"{where}: dp.delta must be in (0, 1), got {Delta}");
    }
}
