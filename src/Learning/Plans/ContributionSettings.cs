using System.Text.Json.Serialization;
using FedChain.Learning.Contribution;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Plans;

/// <summary>
/// How the plan scores each member's contribution per round and turns scores into rewards
/// (docs/contribution.md). A plan without this section does not score.
/// </summary>
/// <param name="Method">The scoring method; it implies the <see cref="Mode"/>. Under secure aggregation only <see cref="ContributionMethod.SampleShare"/> runs.</param>
/// <param name="Metric">The validation metric each member reports for every scheduled subset model.</param>
/// <param name="Permutations">Sampled Shapley: permutations per round, in antithetic pairs (default 128); the estimate's error shrinks as 1/sqrt of it.</param>
/// <param name="Truncation">Sampled Shapley: once a permutation's prefix is within this much utility of U(all), its later marginals count as 0 (TMC-Shapley). 0 (default) turns truncation off.</param>
/// <param name="RewardPerRound">The plan's reward pool per training round, in reward units: the pool (this times the rounds) is paid for net contribution over the plan as the ledger pays it (<see cref="RewardRule"/>); 0 mints nothing.</param>
public sealed record ContributionSettings(
    ContributionMethod Method = ContributionMethod.ExactShapley,
    UtilityMetric Metric = UtilityMetric.Brier,
    int Permutations = 128,
    double Truncation = 0,
    long RewardPerRound = 1_000_000)
{
    /// <summary>The most members exact Shapley scores (2^8 = 256 subset models per round).</summary>
    public const int MaxExactMembers = 8;

    [JsonIgnore]
    public ContributionMode Mode => Method == ContributionMethod.SampleShare ? ContributionMode.SumOnly : ContributionMode.PerMember;

    /// <summary>Throws naming the field when the settings cannot work for <paramref name="task"/>.</summary>
    /// <remarks>Whether the method fits the plan's other sections (a per-member method under secure aggregation) is <c>PlanCompatibility</c>'s check.</remarks>
    public ContributionSettings Validate(TaskKind task)
    {
        var survivalMetric = Metric == UtilityMetric.CIndex;
        if (survivalMetric != (task == TaskKind.Survival)) throw new ArgumentException($"contribution metric '{Metric}' does not fit a {task} task");
        if (Permutations < 1) throw new ArgumentException($"contribution permutations must be at least 1, got {Permutations}");
        if (!(Truncation >= 0) || !double.IsFinite(Truncation)) throw new ArgumentException($"contribution truncation must be >= 0, got {Truncation}");
        if (RewardPerRound < 0) throw new ArgumentException($"contribution rewardPerRound cannot be negative, got {RewardPerRound}");
        return this;
    }

    /// <summary>The metric a task scores with when the plan does not choose: 1 - Brier for binary tasks, the C-index for survival.</summary>
    public static UtilityMetric DefaultMetric(TaskKind task) => task == TaskKind.Survival ? UtilityMetric.CIndex : UtilityMetric.Brier;
}
