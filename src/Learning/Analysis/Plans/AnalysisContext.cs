using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Analysis.Plans;

/// <summary>What every member knows before an analysis starts: the plan and the roster of sites, in the order their slices appear.</summary>
public sealed record AnalysisContext(AnalysisPlan Plan, IReadOnlyList<string> Sites)
{
    public DatasetSchema Schema => Plan.Schema!;

    /// <summary>The k that applies to <paramref name="spec"/>.</summary>
    public int MinCellCount(AnalysisSpec spec) => spec.MinCellCount ?? Plan.Disclosure.MinCellCount;
}
