using FedChain.Learning.Analysis.Descriptive;
using FedChain.Learning.Analysis.Engine;

namespace FedChain.Learning.Analysis.Plans;

/// <summary>"Table 1": count, mean and SD of numeric columns, n and % of each category, missing counts; by site and pooled, optionally by a group.</summary>
/// <param name="Variables">The columns to describe.</param>
/// <param name="By">A grouping column (categorical, or numeric with few integer values).</param>
/// <param name="BySite">Columns per site as well as pooled (each site's values are then seen by every member).</param>
public sealed record DescribeSpec(string Name, IReadOnlyList<string> Variables, string? By = null, bool BySite = true) : AnalysisSpec(Name)
{
    public override void Validate(AnalysisPlan plan)
    {
        if (Variables.Count == 0) throw Error("'variables' is empty");
        foreach (var v in Variables) Bounded(plan, v, "variables");
        if (By is not null) ColumnLevels.Of(Column(plan, By, "by"), Error);
    }

    public override FederatedAnalysis Create(AnalysisContext context) => new DescribeAnalysis(this, context);
}
