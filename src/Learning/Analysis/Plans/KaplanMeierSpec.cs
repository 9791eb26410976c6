using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Survival;

namespace FedChain.Learning.Analysis.Plans;

/// <summary>Kaplan-Meier curves with log-transformed Greenwood confidence intervals (R survfit's default), pooled, by a group.</summary>
/// <param name="Outcome">Time, event and the grid.</param>
/// <param name="By">A grouping column: one curve per level.</param>
/// <param name="Times">Release the curve at these public times only; null: at event times, merged so each released step has at least k events.</param>
/// <param name="Confidence">Confidence level of the intervals.</param>
public sealed record KaplanMeierSpec(string Name, SurvivalOutcome? Outcome = null, string? By = null, IReadOnlyList<double>? Times = null, double Confidence = 0.95) : AnalysisSpec(Name)
{
    public SurvivalOutcome Survival => Outcome ?? new SurvivalOutcome();

    public override void Validate(AnalysisPlan plan)
    {
        SurvivalColumns.Validate(plan, Survival, Error);
        if (By is not null) Descriptive.ColumnLevels.Of(Column(plan, By, "by"), Error);
        if (Confidence is <= 0 or >= 1) throw Error($"'confidence' must be in (0, 1), got {Confidence}");
        if (Times is { } t && (t.Count == 0 || t.Zip(t.Skip(1)).Any(p => !(p.Second > p.First)))) throw Error("'times' must be ascending");
    }

    public override FederatedAnalysis Create(AnalysisContext context) => new KaplanMeierAnalysis(this, context);
}
