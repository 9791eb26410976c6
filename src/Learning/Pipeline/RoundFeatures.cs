using FedChain.Learning.Contribution;
using FedChain.Learning.Plans;
using FedChain.Learning.Pipeline.Stages;

namespace FedChain.Learning.Pipeline;

/// <summary>
/// Every feature a plan can turn on, as the stage it adds when the plan asks for it (null: not asked).
/// Features are chosen once, when the plan loads (<see cref="RoundPipeline.For"/>). A new feature is
/// one stage record at its hook and one line here; the round loops in simulate and the node stay as they are.
/// </summary>
public static class RoundFeatures
{
    public static readonly IReadOnlyList<Func<TrainingPlan, RoundStage?>> All =
    [
        plan => plan.Privacy is null ? new LocalTrainingStage() : null,
        plan => plan.Privacy is null ? null : new DpSgdStage(),
        _ => new QuantisationStage(),
        plan => plan.Compression is { } compression ? new CompressionStage(compression) : null,
        plan => plan.SecureAggregation is { Enabled: true } ? new MaskingStage() : null,
        plan => plan.Asynchronous is { } buffered ? new BufferingStage(buffered) : null,
        plan => plan.Collection is { Mode: Collection.CollectionMode.Sharded } ? new ShardedCollectionStage() : null,
        plan => plan.Robust is { } robust ? new RobustRuleStage(robust) : new SumRuleStage(plan.Server.Rule),
        plan => plan.Personalisation is { } personal ? PersonalStage.For(personal) : null,
        plan => plan.Contribution is not { } settings ? null
            : settings.Mode == ContributionMode.SumOnly ? new SumOnlyScoringStage(settings)
            : new PerMemberScoringStage(settings),
    ];

    /// <summary>The plan's stages in hook order.</summary>
    public static IReadOnlyList<RoundStage> Of(TrainingPlan plan) =>
        [.. All.Select(add => add(plan)).OfType<RoundStage>().OrderBy(s => s.Hook)];
}
