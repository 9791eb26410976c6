using System.Text.Json.Serialization;
using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Analysis.Plans;

/// <summary>One analysis of a plan; <c>kind</c> in JSON names it.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(DescribeSpec), "describe")]
[JsonDerivedType(typeof(MissingnessSpec), "missingness")]
[JsonDerivedType(typeof(HistogramSpec), "histogram")]
[JsonDerivedType(typeof(CrossTabSpec), "crosstab")]
[JsonDerivedType(typeof(QuantileSpec), "quantiles")]
[JsonDerivedType(typeof(KaplanMeierSpec), "km")]
[JsonDerivedType(typeof(LogRankSpec), "logrank")]
[JsonDerivedType(typeof(GlmSpec), "glm")]
[JsonDerivedType(typeof(CoxSpec), "cox")]
public abstract record AnalysisSpec(string Name)
{
    /// <summary>This analysis's k, when the consortium approved another than the plan's (k = 1 for exact event times, say).</summary>
    public int? MinCellCount { get; init; }

    /// <summary>Checks the analysis against the plan's schema; throws naming the analysis and field.</summary>
    public abstract void Validate(AnalysisPlan plan);

    /// <summary>The protocol that runs this analysis over the plan's roster.</summary>
    public abstract FederatedAnalysis Create(AnalysisContext context);

    /// <summary>Throws an <see cref="AnalysisPlanException"/> naming this analysis.</summary>
    protected AnalysisPlanException Error(string what) => new($"analysis '{Name}' ({GetType().Name}): {what}");

    /// <summary>The schema column, which must be numeric or categorical.</summary>
    protected ColumnSpec Column(AnalysisPlan plan, string? name, string field)
    {
        if (name is null) throw Error($"'{field}' is required");
        var column = plan.Schema!.Columns.FirstOrDefault(c => c.Name == name) ?? throw Error($"'{field}' names column '{name}', which the schema does not have");
        if (column.Type == ColumnType.Text) throw Error($"'{field}' column '{name}' is text: analyses read numeric and categorical columns");
        return column;
    }

    /// <summary>A numeric column with a schema range (its sums are scaled by it).</summary>
    protected ColumnSpec Bounded(AnalysisPlan plan, string? name, string field)
    {
        var column = Column(plan, name, field);
        if (column.Type == ColumnType.Numeric && (column.Min is null || column.Max is null)) throw Error($"'{field}' column '{name}' needs a schema min and max: its sums travel in fixed point scaled by them");
        return column;
    }
}
