namespace FedChain.Learning.Robust;

/// <summary>The robust rules a plan can put in place of the plain weighted mean (docs/learning.md, "Robust rules").</summary>
public enum RobustRuleKind
{
    /// <summary>Coordinate-wise median of the members' per-sample deltas (Yin et al. 2018); each member one vote.</summary>
    Median,

    /// <summary>Coordinate-wise trimmed mean (Yin et al. 2018): the extremes dropped, the rest weighted by samples.</summary>
    TrimmedMean,

    /// <summary>Each member's delta scaled down to a norm bound (Sun et al. 2019), then the weighted mean.</summary>
    NormBound,

    /// <summary>Multi-Krum (Blanchard et al. 2017): the weighted mean of the members whose deltas sit closest to the others'.</summary>
    MultiKrum,

    /// <summary>The round's mean delta scaled down to a norm bound: needs only the sum, so it runs under secure aggregation.</summary>
    AggregateNormBound,
}
