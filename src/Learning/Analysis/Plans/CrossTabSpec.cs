using FedChain.Learning.Analysis.Descriptive;
using FedChain.Learning.Analysis.Engine;

namespace FedChain.Learning.Analysis.Plans;

/// <summary>Counts of two grouping columns against each other, with Pearson's chi-squared test of independence on the pooled table.</summary>
public sealed record CrossTabSpec(string Name, string Rows, string Columns, bool BySite = false, DpRelease? Dp = null) : AnalysisSpec(Name)
{
    public override void Validate(AnalysisPlan plan)
    {
        ColumnLevels.Of(Column(plan, Rows, "rows"), Error);
        ColumnLevels.Of(Column(plan, Columns, "columns"), Error);
        Dp?.Validate($"analysis '{Name}'");
    }

    public override FederatedAnalysis Create(AnalysisContext context) => new CrossTabAnalysis(this, context);
}
