using FedChain.Learning.Analysis.Descriptive;
using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Analysis.Plans;

/// <summary>Missing cells per column, per site and pooled.</summary>
/// <param name="Variables">The columns; null: every numeric and categorical column of the schema.</param>
public sealed record MissingnessSpec(string Name, IReadOnlyList<string>? Variables = null, DpRelease? Dp = null) : AnalysisSpec(Name)
{
    public IReadOnlyList<string> Columns(AnalysisPlan plan) =>
        Variables ?? [.. plan.Schema!.Columns.Where(c => c.Type != ColumnType.Text).Select(c => c.Name)];

    public override void Validate(AnalysisPlan plan)
    {
        foreach (var v in Columns(plan)) Column(plan, v, "variables");
        Dp?.Validate($"analysis '{Name}'");
    }

    public override FederatedAnalysis Create(AnalysisContext context) => new MissingnessAnalysis(this, context);
}
