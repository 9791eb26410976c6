using FedChain.Learning.Analysis.Descriptive;
using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Analysis.Plans;

/// <summary>Counts of a numeric column in bins: pooled (secure aggregation can hide each site's), or per site too.</summary>
/// <param name="Edges">Ascending bin edges; bins are [e_i, e_i+1), the last one closed. Null: <paramref name="Bins"/> equal bins over the schema's range.</param>
public sealed record HistogramSpec(string Name, string Variable, int Bins = 10, IReadOnlyList<double>? Edges = null, bool BySite = false, DpRelease? Dp = null) : AnalysisSpec(Name)
{
    public IReadOnlyList<double> EdgesFor(ColumnSpec column)
    {
        if (Edges is not null) return Edges;
        var (min, max) = (column.Min!.Value, column.Max!.Value);
        return [.. Enumerable.Range(0, Bins + 1).Select(i => i == Bins ? max : min + (max - min) * i / Bins)];
    }

    public override void Validate(AnalysisPlan plan)
    {
        var column = Bounded(plan, Variable, "variable");
        if (column.Type != ColumnType.Numeric) throw Error($"'variable' column '{Variable}' must be numeric (tabulate a categorical one with crosstab or describe)");
        if (Edges is null && Bins < 1) throw Error($"'bins' must be at least 1, got {Bins}");
        var edges = EdgesFor(column);
        if (edges.Count < 2) throw Error("'edges' needs at least two values");
        for (var i = 1; i < edges.Count; i++) if (!(edges[i] > edges[i - 1])) throw Error("'edges' must be strictly ascending");
        Dp?.Validate($"analysis '{Name}'");
    }

    public override FederatedAnalysis Create(AnalysisContext context) => new HistogramAnalysis(this, context);
}
