using FedChain.Learning.Analysis.Disclosure;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;

namespace FedChain.Learning.Analysis.Survival;

/// <summary>
/// Per-time event totals pin down individual event times. They may travel only pooled under secure
/// aggregation (no member sees a site's), unless the consortium approved k = 1 for the analysis.
/// </summary>
public static class EventTimeRule
{
    public static Refusal? Check(AnalysisContext context, AnalysisSpec spec) =>
        context.Plan.SecureAggregation || context.MinCellCount(spec) == 1 ? null
            : new Refusal(DisclosureRules.EventTimes, $"'{spec.Name}' sums event totals per time; without secure aggregation every member would see each site's event times. Turn secureAggregation on, or approve minCellCount 1 for it");
}
