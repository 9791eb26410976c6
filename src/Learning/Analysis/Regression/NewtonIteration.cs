using FedChain.Learning.Analysis.Maths;

namespace FedChain.Learning.Analysis.Regression;

/// <summary>
/// The public state of a Newton-Raphson maximisation whose objective, score and information come
/// from summed statistics. A step that lowers the objective is halved back towards the best point
/// so far (as R's glm.fit and coxph do); the fit has converged when the Newton step moves no
/// coefficient by more than tolerance * (|coefficient| + 1). The reported point is the one whose
/// information gives the standard errors, so both come from one evaluation.
/// </summary>
/// <param name="Beta">The point the sites evaluate next.</param>
/// <param name="Best">The best point evaluated so far, with its objective and information.</param>
public sealed record NewtonIteration(double[] Beta, double[]? Best = null, double BestObjective = double.NegativeInfinity, double[,]? BestInformation = null, int Halvings = 0)
{
    private const int MaxHalvings = 20;

    /// <summary>Sum of |beta_j|: with every covariate in [-1, 1], a bound on any row's linear predictor at <see cref="Beta"/>.</summary>
    public double PredictorBound => Beta.Sum(Math.Abs);

    /// <summary>The next state from the evaluation at <see cref="Beta"/>; <paramref name="converged"/> says the fit is done (at <see cref="Best"/>).</summary>
    /// <exception cref="SingularInformationException">The information matrix is not positive definite (aliased or constant covariates, or separation).</exception>
    public NewtonIteration Next(double objective, ReadOnlySpan<double> score, double[,] information, double tolerance, out bool converged)
    {
        converged = false;
        if (Best is not null && !(objective >= BestObjective - 1e-12 * Math.Abs(BestObjective)))
        {
            if (Halvings >= MaxHalvings) { converged = true; return this; }
            var half = Best.Zip(Beta, (b, x) => (b + x) / 2).ToArray();
            return this with { Beta = half, Halvings = Halvings + 1 };
        }

        var factor = Cholesky.Factor(information) ?? throw new SingularInformationException("the information matrix is singular: a covariate is constant, aliased with others, or separates the outcome");
        var step = Cholesky.Solve(factor, score);
        var moved = 0.0;
        for (var j = 0; j < Beta.Length; j++) moved = Math.Max(moved, Math.Abs(step[j]) / (Math.Abs(Beta[j]) + 1));
        var next = new NewtonIteration([.. Beta.Zip(step, (b, s) => b + s)], Beta, objective, information);
        converged = moved <= tolerance;
        return next;
    }
}
