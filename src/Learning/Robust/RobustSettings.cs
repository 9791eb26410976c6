using System.Text.Json.Serialization;

namespace FedChain.Learning.Robust;

/// <summary>
/// A robust server rule in place of the plain weighted mean: it combines the members' committed
/// updates into the round's mean delta, which the plan's server rule (FedAvg, FedAdam, ...) then
/// applies. A plan without this section uses the plain weighted mean.
/// </summary>
/// <param name="Rule">Which rule.</param>
/// <param name="TrimFraction">Trimmed mean: the share of members dropped at each end of every coordinate (floor(beta m)), in [0, 0.5).</param>
/// <param name="Byzantine">Multi-Krum: f, the members it tolerates being hostile; a round needs at least 2f + 3 (else it takes the median).</param>
/// <param name="Selected">Multi-Krum: how many members it averages; 0 (default): m - f.</param>
/// <param name="NormBound">Norm bounds: the bound on a delta's L2 norm per sample, in model units. Norm bound: 0 (default) takes the round's median norm; aggregate norm bound needs it above 0.</param>
public sealed record RobustSettings(
    RobustRuleKind Rule = RobustRuleKind.MultiKrum,
    double TrimFraction = 0.2,
    int Byzantine = 1,
    int Selected = 0,
    double NormBound = 0)
{
    /// <summary>Whether the rule must see each member's update (all but the aggregate norm bound).</summary>
    [JsonIgnore]
    public bool NeedsIndividualUpdates => Rule != RobustRuleKind.AggregateNormBound;

    /// <summary>Throws naming the field when a value cannot work.</summary>
    public RobustSettings Validate()
    {
        if (!(TrimFraction >= 0 && TrimFraction < 0.5)) throw new ArgumentException($"robust trimFraction must be in [0, 0.5), got {TrimFraction}");
        if (Byzantine < 0) throw new ArgumentException($"robust byzantine cannot be negative, got {Byzantine}");
        if (Selected < 0) throw new ArgumentException($"robust selected cannot be negative, got {Selected}");
        if (!(NormBound >= 0) || !double.IsFinite(NormBound)) throw new ArgumentException($"robust normBound must be a number >= 0, got {NormBound}");
        if (Rule == RobustRuleKind.AggregateNormBound && NormBound == 0) throw new ArgumentException("robust rule aggregate-norm-bound needs normBound above 0: without individual updates there is no median norm to take");
        return this;
    }
}
