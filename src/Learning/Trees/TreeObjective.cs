using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Trees;

/// <summary>
/// First and second derivatives of the loss in the raw score, per row (Chen &amp; Guestrin 2016, eq. 3):
/// logistic loss for binary labels, Poisson deviance for counts.
/// </summary>
internal static class TreeObjective
{
    public static (double Gradient, double Hessian, double Loss) Of(TaskKind task, TreeSpec spec, double score, double y)
    {
        switch (task)
        {
            case TaskKind.Binary:
                var p = 1 / (1 + Math.Exp(-score));
                // log(1 + e^s) - y s, written to stay finite for large |s|.
                var logLoss = Math.Max(score, 0) + Math.Log(1 + Math.Exp(-Math.Abs(score))) - y * score;
                return (p - y, Math.Max(p * (1 - p), 1e-16), logLoss);
            case TaskKind.Count:
                var mean = Math.Exp(score);
                return (mean - y, Math.Exp(score + spec.PoissonMaxDeltaStep), mean - y * score);
            default:
                throw new NotSupportedException($"boosted trees do not train {task} tasks");
        }
    }

    /// <summary>The constant score that fits the pooled outcome mean: log-odds, or log mean count.</summary>
    public static double BaseScore(TaskKind task, double outcomeSum, double rows)
    {
        var mean = rows > 0 ? outcomeSum / rows : 0;
        return task == TaskKind.Binary
            ? Math.Log(Math.Clamp(mean, 1e-6, 1 - 1e-6) / (1 - Math.Clamp(mean, 1e-6, 1 - 1e-6)))
            : Math.Log(Math.Max(mean, 1e-6));
    }
}
