namespace FedChain.Learning.Analysis.Plans;

/// <summary>
/// The consortium's disclosure rules for every number an analysis releases. They are part of the
/// plan, so the plan hash on-chain records them and the members' approval covers them.
/// </summary>
/// <param name="MinCellCount">k: a count, or a statistic computed from fewer than k rows, is suppressed; default 5.
/// k = 1 (set for an approved analysis) releases exact counts, event times and Kaplan-Meier steps.</param>
/// <param name="MaxParameterShare">A model is refused when its parameters exceed this share of its rows (or of its events, for Cox):
/// DataSHIELD's nfilter.glm default, 0.33 (Gaye et al. 2014).</param>
public sealed record DisclosureSettings(int MinCellCount = 5, double MaxParameterShare = 0.33)
{
    public void Validate()
    {
        if (MinCellCount < 1) throw new AnalysisPlanException($"disclosure.minCellCount must be at least 1, got {MinCellCount}");
        if (MaxParameterShare is <= 0 or > 1) throw new AnalysisPlanException($"disclosure.maxParameterShare must be in (0, 1], got {MaxParameterShare}");
    }
}
