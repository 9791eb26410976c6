using FedChain.Learning.Analysis.Descriptive;
using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Analysis.Plans;

/// <summary>
/// Quantiles of a numeric column by federated bisection on pooled counts below a midpoint, as R's
/// default quantile (type 7) defines them. Exact when the interval left by bisection holds one
/// distinct value, which ends the search early; otherwise within <paramref name="Resolution"/>.
/// </summary>
/// <param name="Resolution">The narrowest interval bisection splits; default 1e-6 of the schema's range.</param>
/// <param name="MaxSteps">Bisection steps at most; default enough to reach the resolution.</param>
public sealed record QuantileSpec(string Name, string Variable, IReadOnlyList<double>? Probabilities = null, double? Resolution = null, int? MaxSteps = null) : AnalysisSpec(Name)
{
    public IReadOnlyList<double> Levels => Probabilities ?? [0.25, 0.5, 0.75];

    public override void Validate(AnalysisPlan plan)
    {
        var column = Bounded(plan, Variable, "variable");
        if (column.Type != ColumnType.Numeric) throw Error($"'variable' column '{Variable}' must be numeric");
        if (Levels.Count == 0 || Levels.Any(p => p is < 0 or > 1)) throw Error("'probabilities' must be in [0, 1]");
        if (Resolution is <= 0) throw Error("'resolution' must be above 0");
        if (MaxSteps is < 1) throw Error("'maxSteps' must be at least 1");
    }

    public override FederatedAnalysis Create(AnalysisContext context) => new QuantileAnalysis(this, context);
}
