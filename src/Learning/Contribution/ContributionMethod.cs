namespace FedChain.Learning.Contribution;

/// <summary>How a round's contribution scores are computed from the combined subset utilities.</summary>
public enum ContributionMethod
{
    /// <summary>Shapley values over every subset of the participants (Shapley 1953); up to 8 members.</summary>
    ExactShapley,

    /// <summary>
    /// Shapley values estimated from seeded permutations, with GTG-Shapley's guided sampling (Liu et al.
    /// 2022, §4.3: every member leads equally many permutations) and optional truncation (TMC-Shapley,
    /// Ghorbani and Zou 2019).
    /// </summary>
    SampledShapley,

    /// <summary>U(all) - U(all but the member): cheap, but blind to redundancy between members.</summary>
    LeaveOneOut,

    /// <summary>
    /// The secure-aggregation rule: only the sum of the updates exists, so the round's utility gain
    /// U(all) - U(none) is shared in proportion to the committed sample counts.
    /// </summary>
    SampleShare,
}
