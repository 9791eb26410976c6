namespace FedChain.Learning.Contribution;

/// <summary>What the scores can see, which the plan's method implies (docs/contribution.md, "The two modes").</summary>
public enum ContributionMode
{
    /// <summary>
    /// DP mode: each member's update is visible to its peers (DP-protected when the plan's privacy
    /// section is on), so the model of any subset of members can be built and scores are per member.
    /// </summary>
    PerMember,

    /// <summary>Secure-aggregation mode: only the sum of the updates exists; scores follow <see cref="ContributionMethod.SampleShare"/>.</summary>
    SumOnly,
}
